"""Whatever a buyer types, the search answers normally: no exception, no leaked SQL."""

import pytest

from grappe.directory.search.service import search
from grappe.directory.search.types import MAX_LIMIT, SearchQuery, SearchResult
from tests.directory.search_data import load_project_vocabulary, supplier

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    "   ",
    '"',
    '""',
    '"titane',
    "*",
    "titan*",
    "NEAR",
    "NEAR(titane laiton, 2)",
    "titane NEAR laiton",
    "'; DROP TABLE members_organisation; --",
    "1' OR '1'='1",
    "(((",
    ")))",
    "(titane",
    "titane)",
    "AND",
    "OR OR",
    "NOT titane",
    "titane AND NOT",
    "-titane",
    "titane -laiton",
    "name:titane",
    ":",
    "^titane",
    "^",
    "titane & | ! <-> :*",
    "%",
    "_",
    "\\",
    "{}[]",
    "\x00",
    "\x00titane",
    "titane\x00\x07\x1b[31m",
    "\t\n\r",
    "🙂 titane 🙂",
    "титан",
    "チタン",
    "x" * 10_000,
    "titane " * 2_000,
    ("décolletage " + "a" * 70 + " ") * 100,
]


@pytest.fixture
def directory():
    load_project_vocabulary()
    supplier("Titane Médical", description_fr="Usinage du titane.", terms=("titane",))
    supplier("Laiton Horloger", description_fr="Décolletage du laiton.", terms=("laiton",))


@pytest.mark.parametrize("text", NASTY, ids=lambda text: repr(text[:20]))
def test_any_text_gives_a_normal_result(directory, text):
    result = search(SearchQuery(text=text))
    assert isinstance(result, SearchResult)
    assert result.count >= len(result.hits) >= 0


def test_an_empty_or_wordless_query_lists_the_directory_by_name(directory):
    for text in ("", "   ", "*", '"', "\x00", "(((", "🙂"):
        names = [hit.name for hit in search(SearchQuery(text=text)).hits]
        assert names == ["Laiton Horloger", "Titane Médical"], text


def test_syntax_characters_around_a_word_do_not_hide_it(directory):
    for text in ('"titane', "titane)", "-titane", "^titane", "name:titane", "\x00titane"):
        names = [hit.name for hit in search(SearchQuery(text=text)).hits]
        assert names[0] == "Titane Médical", text


@pytest.mark.parametrize(
    "filters",
    [
        {"process": ("'; DROP TABLE core_term; --",)},
        {"departement": ("x" * 1000,)},
        {"cluster": ("\x00",)},
        {"kind": ("company", "") * 200},
        {"headcount_band": ("%",)},
    ],
)
def test_any_filter_value_gives_a_normal_result(directory, filters):
    result = search(SearchQuery(text="titane", **filters))
    assert isinstance(result, SearchResult)


@pytest.mark.parametrize(("limit", "offset"), [(-1, -1), (0, 0), (10**9, 10**9), (MAX_LIMIT, 1)])
def test_any_limit_and_offset_give_a_normal_result(directory, limit, offset):
    result = search(SearchQuery(limit=limit, offset=offset))
    assert len(result.hits) <= MAX_LIMIT
