"""The French catalogue: complete, compiled, and served by default with an English switch."""

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import OrganisationFactory

MESSAGES = (
    Path(__file__).resolve().parent.parent / "src" / "grappe" / "locale" / "fr" / "LC_MESSAGES"
)
PO_FILE = MESSAGES / "django.po"
MO_FILE = MESSAGES / "django.mo"

PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sd]")
KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (\".*\")$")


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> str:
        # The key under which gettext files a message with a context.
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file (without the obsolete ones), the header included."""
    entries: list[Entry] = []
    entry, target = Entry(), None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            if target is not None:
                entries.append(entry)
            entry, target = Entry(), None
            continue
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = KEYWORD.match(line)
        if match:
            keyword, text = match.group(1), ast.literal_eval(match.group(2))
            if keyword == "msgid":
                entry.line = number
            target = keyword
        elif line.startswith('"') and target is not None:
            keyword, text = target, ast.literal_eval(line)
        else:
            raise AssertionError(f"{path.name}:{number}: cannot read {raw!r}")
        if keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if "[" in keyword else 0
            entry.msgstr[index] = entry.msgstr.get(index, "") + text
        else:
            setattr(entry, keyword, (getattr(entry, keyword) or "") + text)
    if target is not None:
        entries.append(entry)
    return entries


def messages() -> list[Entry]:
    return [entry for entry in read_po(PO_FILE) if entry.msgid]


def where(entry: Entry) -> str:
    return f"django.po:{entry.line} {entry.msgid!r}"


def test_the_catalogue_has_messages_and_a_french_header():
    header = next(entry for entry in read_po(PO_FILE) if not entry.msgid)
    assert "Language: fr\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n > 1);" in header.msgstr[0]
    assert "fuzzy" not in header.flags
    assert len(messages()) > 300


def test_every_message_is_translated_and_none_is_fuzzy():
    untranslated = [
        where(entry)
        for entry in messages()
        if not entry.msgstr or any(not text.strip() for text in entry.msgstr.values())
    ]
    fuzzy = [where(entry) for entry in messages() if "fuzzy" in entry.flags]
    assert untranslated == []
    assert fuzzy == []


def test_plural_messages_have_both_french_forms():
    for entry in messages():
        expected = {0, 1} if entry.msgid_plural is not None else {0}
        assert set(entry.msgstr) == expected, where(entry)


def test_translations_keep_the_placeholders():
    for entry in messages():
        for index, text in entry.msgstr.items():
            source = entry.msgid if index == 0 or entry.msgid_plural is None else entry.msgid_plural
            assert sorted(set(PLACEHOLDER.findall(text))) == sorted(
                set(PLACEHOLDER.findall(source))
            ), where(entry)


def test_the_compiled_catalogue_matches_the_po_file():
    with MO_FILE.open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    catalog = compiled._catalog  # the messages the .mo holds, keyed as gettext files them
    expected: dict[object, str] = {}
    for entry in messages():
        if entry.msgid_plural is None:
            expected[entry.key] = entry.msgstr[0]
        else:
            for index, text in entry.msgstr.items():
                expected[(entry.key, index)] = text
    compiled_messages = {key: value for key, value in catalog.items() if key != ""}
    stale = sorted(str(key) for key in expected.keys() ^ compiled_messages.keys())
    assert stale == [], "django.mo is out of date: run `make messages` (compilemessages)"
    changed = sorted(str(key) for key in expected if expected[key] != compiled_messages[key])
    assert changed == [], "django.mo is out of date: run `make messages` (compilemessages)"


def test_french_is_the_default_language():
    assert settings.LANGUAGE_CODE == "fr"
    assert [code for code, _name in settings.LANGUAGES] == ["fr", "en"]


PAGES = [
    ("home", ["Chiffres clés", "Découvrir le pôle", "Se connecter"], ["Key figures", "Log in"]),
    (
        "members:organisation_list",
        ["Rechercher", "Tous les types", "Entreprise", "Gouvernance"],
        ["Search", "All kinds", "Company", "Governance"],
    ),
    (
        "login",
        ["Se connecter", "Mot de passe oublié ?", "Aller au contenu"],
        ["Log in", "Forgot your password?", "Skip to content"],
    ),
]


@pytest.fixture
def organisation(db):
    return OrganisationFactory()  # a company


@pytest.mark.parametrize(("name", "french", "english"), PAGES)
def test_pages_are_in_french_by_default(client, organisation, name, french, english):
    response = client.get(reverse(name))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    for text in french:
        assert text in html
    for text in english:
        assert text not in html


@pytest.mark.parametrize(("name", "french", "english"), PAGES)
def test_the_language_switch_shows_english(client, organisation, name, french, english):
    switched = client.post(reverse("set_language"), {"language": "en", "next": reverse(name)})
    assert switched.status_code == 302
    response = client.get(reverse(name))
    html = response.content.decode()
    assert '<html lang="en">' in html
    for text in english:
        assert text in html
    for text in french:
        assert text not in html


def test_the_language_cookie_switches_back_to_french(client, organisation):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Forgot your password?" in client.get(reverse("login")).content.decode()
    client.post(reverse("set_language"), {"language": "fr", "next": reverse("login")})
    assert "Mot de passe oublié ?" in client.get(reverse("login")).content.decode()
