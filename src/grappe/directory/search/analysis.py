"""Text analysis shared by the index and the queries, the same on every database backend.

A text becomes a list of words: lower case, accents removed, codes such as "EN 9100" or
"ISO-13485" joined ("en9100", "iso13485"), French and English stop words dropped. Each word
is indexed in several forms: the word itself and its Snowball stems in French and in
English, so that "orthopédiques" meets "orthopédique" and "implants" meets "implant"
whatever the language of the text. Both backends index exactly these tokens.
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

# Letters that Unicode does not decompose into a base letter plus an accent; "ø" is the
# diameter sign of the trade ("Ø 0.5–32 mm"), not a letter.
_LETTERS = str.maketrans(
    {"ø": " ", "æ": "ae", "œ": "oe", "ß": "ss", "µ": "u", "μ": "u", "ł": "l", "đ": "d",
     "ð": "d", "þ": "th", "ı": "i", "’": "'"}
)  # fmt: skip

_FRENCH_STOPWORDS = """a au aux avec ce ces cet cette d dans de des du elle en est et il ils je l la
le les leur leurs lui ma mais me mes mon ne nos notre nous on ou par pas pour qu que qui sa sans
se ses son sont sur ta te tes ton tu un une vos votre vous y"""
_ENGLISH_STOPWORDS = """an and are as at be by for from has have in into is it its of on or our
than that the their them these they this those to was we were which with you your"""
# Words of the trade that every supplier could claim: in a query they only add noise
# ("sous-traitant usinage" would otherwise match every "traitement" through its stem).
_TRADE_STOPWORDS = """sous chez entre vers tres tout tous toute toutes traitant traitants
traitance soustraitant soustraitants soustraitance subcontractor subcontractors
subcontracting supplier suppliers fournisseur fournisseurs prestataire prestataires"""
STOPWORDS = (
    frozenset(_FRENCH_STOPWORDS.split())
    | frozenset(_ENGLISH_STOPWORDS.split())
    | frozenset(_TRADE_STOPWORDS.split())
)

# Short prefixes of codes that are written with or without a space: "EN 9100", "ISO-13485",
# "Ti-6Al-4V", "ISO 7". A run of 1–4 letters followed by a space or hyphen and a digit is
# joined; French and English small words are left alone ("de 5 axes" stays three words).
_NOT_JOINED = frozenset(
    {"a", "au", "aux", "de", "des", "du", "et", "la", "le", "les", "ou", "par", "sur", "un",
     "une", "the", "of", "to", "and", "at", "by"}
)  # fmt: skip
_CODE_GAP = re.compile(r"(?<![a-z])([a-z]{1,4})[\s\-]+(?=[0-9])")
_WORD = re.compile(r"[a-z0-9]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPECIAL_LETTER = re.compile("[øæœßµμłđðþı’]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

MIN_STEMMED_LENGTH = 3
MAX_WORD_LENGTH = 60  # longer runs are not words (hashes, garbage); they are dropped

_french = Stemmer.Stemmer("french")
_english = Stemmer.Stemmer("english")


def fold(text: str) -> str:
    """Lower case without accents or control characters: "Besançon" → "besancon"."""
    text = text.lower()
    if _SPECIAL_LETTER.search(text):
        text = text.translate(_LETTERS)
    text = unicodedata.normalize("NFKD", text)
    return _CONTROL.sub(" ", _COMBINING.sub("", text))


def _join_codes(text: str) -> str:
    def join(match: re.Match) -> str:
        letters = match.group(1)
        return letters if letters not in _NOT_JOINED else match.group(0)

    return _CODE_GAP.sub(join, text)


def words(text: str) -> list[str]:
    """The searchable words of a text, in order, folded, without stop words."""
    return [
        word
        for word in _WORD.findall(_join_codes(fold(text)))
        if word not in STOPWORDS
        and len(word) <= MAX_WORD_LENGTH
        and (len(word) > 1 or word.isdigit())
    ]


@lru_cache(maxsize=50_000)
def forms(word: str) -> tuple[str, ...]:
    """The tokens indexed for one folded word: itself, then its French and English stems."""
    if len(word) < MIN_STEMMED_LENGTH or not word.isalpha():
        return (word,)
    found = [word]
    for stem in (_french.stemWord(word), _english.stemWord(word)):
        if stem not in found and len(stem) > 1:
            found.append(stem)
    return tuple(found)


def tokens(text: str) -> list[str]:
    """Every token indexed for a text: the forms of each of its words."""
    return [token for word in words(text) for token in forms(word)]


def analyse(text: str) -> str:
    """The text as the full-text index stores it: its tokens separated by spaces."""
    return " ".join(tokens(text))
