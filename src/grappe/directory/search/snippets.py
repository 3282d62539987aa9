"""Highlighted excerpts: about 200 characters of a hit's own text around the first word the
query found, HTML-escaped, with the found words in <mark>."""

import re
from functools import lru_cache

from django.utils.html import escape

from grappe.directory.search.analysis import forms, words

SNIPPET_LENGTH = 200
CONTEXT_BEFORE = 60
_SPAN = re.compile(r"[^\W_]+")
_JOINABLE_GAP = re.compile(r"^[\s\-]+$")


def _spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _SPAN.finditer(text)]


@lru_cache(maxsize=20_000)
def _piece_tokens(piece: str) -> frozenset[str]:
    return frozenset(token for word in words(piece) for token in forms(word))


def _is_marked(piece: str, marks: set[str]) -> bool:
    return not marks.isdisjoint(_piece_tokens(piece))


def marked_spans(text: str, marks: set[str]) -> list[tuple[int, int]]:
    """The character spans of the text's words whose tokens are among `marks`. Codes
    written in two pieces ("EN 9100") are tried joined too, as the analyser joins them."""
    spans, found, position = _spans(text), [], 0
    while position < len(spans):
        start, end = spans[position]
        following = position + 1
        if (
            following < len(spans)
            and end - start <= 4
            and text[start:end].isalpha()
            and text[spans[following][0]].isdigit()
            and _JOINABLE_GAP.match(text[end : spans[following][0]])
        ):
            joined_end = spans[following][1]
            if _is_marked(text[start:joined_end], marks) and not _is_marked(text[start:end], marks):
                found.append((start, joined_end))
                position += 2
                continue
        if _is_marked(text[start:end], marks):
            found.append((start, end))
        position += 1
    return found


def _window(text: str, first: int) -> tuple[int, int]:
    if len(text) <= SNIPPET_LENGTH:
        return 0, len(text)
    start = max(0, min(first - CONTEXT_BEFORE, len(text) - SNIPPET_LENGTH))
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return start, end


def _render(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    pieces, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(pieces).strip() + suffix


def snippet(texts: list[str], marks: set[str]) -> str:
    """The excerpt of the first text that contains a marked word; else the start of the
    first non-empty text, without marks."""
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    for text in texts:
        spans = marked_spans(text, marks) if marks else []
        if spans:
            start, end = _window(text, spans[0][0])
            return _render(text, start, end, spans)
    if texts:
        start, end = _window(texts[0], 0)
        return _render(texts[0], start, end, [])
    return ""
