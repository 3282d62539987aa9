"""The analyser shared by the index and the queries (no database)."""

import pytest

from grappe.directory.search.analysis import analyse, fold, forms, tokens, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Besançon", "besancon"),
        ("ÉLECTROÉROSION", "electroerosion"),
        ("Œuvre naïve", "oeuvre naive"),
        ("Straße", "strasse"),
        ("±2 µm", "±2 um"),
    ],
)
def test_fold_lowers_case_and_removes_accents(text, expected):
    assert fold(text) == expected


def test_fold_removes_control_characters_and_nul():
    assert fold("a\x00b\x07c\x1bd") == "a b c d"


def test_words_drop_french_and_english_stop_words_and_punctuation():
    assert words("L'usinage de précision, pour l'horlogerie & the watch industry!") == [
        "usinage",
        "precision",
        "horlogerie",
        "watch",
        "industry",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EN 9100", ["en9100"]),
        ("EN9100", ["en9100"]),
        ("en-9100", ["en9100"]),
        ("ISO 13485", ["iso13485"]),
        ("Ti-6Al-4V", ["ti6al4v"]),
        ("salle blanche ISO 7", ["salle", "blanche", "iso7"]),
        ("fraisage 5 axes", ["fraisage", "5", "axes"]),
        ("centre de 5 axes", ["centre", "5", "axes"]),
    ],
)
def test_codes_are_joined_whether_written_with_a_space_or_not(text, expected):
    assert words(text) == expected


def test_the_diameter_sign_is_not_a_letter():
    assert words("Ø 0,5–32 mm") == ["0", "5", "32", "mm"]


def test_overlong_runs_are_not_words():
    assert words("x" * 61 + " titane") == ["titane"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("orthopédiques", "orthopédique"),
        ("orthopediques", "orthopédique"),
        ("implants", "implant"),
        ("usinages", "usinage"),
        ("moulding", "mould"),
        ("médicaux", "médical"),
    ],
)
def test_french_and_english_plurals_share_a_token(one, other):
    assert set(tokens(one)) & set(tokens(other))


def test_forms_keep_the_word_first_and_add_its_stems():
    assert forms("orthopediques") == ("orthopediques", "orthoped", "orthopediqu")
    assert forms("vis") == ("vis",)


def test_forms_leave_codes_and_numbers_alone():
    assert forms("en9100") == ("en9100",)
    assert forms("316") == ("316",)


def test_analyse_gives_only_safe_tokens():
    text = 'vis "titane" * NEAR ( \'; DROP TABLE x; -- ^ : \x00'
    analysed = analyse(text)
    assert all(token.isalnum() and token.isascii() for token in analysed.split())
    assert "drop" in analysed.split()
