"""Facet bitmaps: for each facet value, one bit per organisation id.

Counting the facets of 20 000 matches by joining them with the capability, cluster and
organisation tables costs hundreds of milliseconds; with bitmaps it is an AND and a bit
count per value, a few milliseconds, on both backends. The bitmaps live in the database
(`SearchFacet`, 12.5 kB each for 100 000 organisations) and are updated by the reindex in
the transaction of each change, with a new random stamp. A process keeps the bitmaps it has
read, with their stamps: a search reads the stamps (a small query) and only the bitmaps whose
stamp changed, so the database stays the only source of truth.

Keys: "t<term id>", "c<cluster id>", "d<département>", "h<headcount band>", "k<kind>".
Ids rather than codes, so that renaming a term or a cluster changes no bitmap. The same
table holds the bitmaps of the tokens found in many documents, "w<token>" (see `matching`).
"""

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.db import connection

from grappe.directory.models import SearchFacet

TERM, CLUSTER, DEPARTEMENT, HEADCOUNT_BAND, KIND = "t", "c", "d", "h", "k"
WORD = "w"  # a frequent token of the search documents (see `matching`)
# No bits: a stamp that database triggers change with every membership (migration 0006).
MEMBERSHIPS = "m"
# No bits: a stamp changed with every write of any bitmap, checked first by a search.
GENERATION = "g"
UNBITTED = (MEMBERSHIPS, GENERATION)
MAX_KEY_LENGTH = 64
FIELD_PREFIXES = {"departement": DEPARTEMENT, "headcount_band": HEADCOUNT_BAND, "kind": KIND}


def facet_keys(
    *,
    term_ids: Iterable[int],
    cluster_ids: Iterable[int],
    departement: str,
    headcount_band: str,
    kind: str,
) -> list[str]:
    keys = [f"{TERM}{pk}" for pk in sorted(set(term_ids))]
    keys += [f"{CLUSTER}{pk}" for pk in sorted(set(cluster_ids))]
    fields = ((DEPARTEMENT, departement), (HEADCOUNT_BAND, headcount_band), (KIND, kind))
    keys += [f"{prefix}{value}" for prefix, value in fields if value]
    return keys


def new_stamp() -> int:
    return secrets.randbits(62)


def encode(bits: bytearray) -> bytes:
    return bytes(bits.rstrip(b"\0"))


def decode(blob: bytes | memoryview) -> bytearray:
    return bytearray(blob)


def _set(bits: bytearray, pk: int, value: bool) -> None:
    index = pk >> 3
    if index >= len(bits):
        if not value:
            return
        bits.extend(bytes(index + 1 - len(bits)))
    if value:
        bits[index] |= 1 << (pk & 7)
    else:
        bits[index] &= ~(1 << (pk & 7)) & 0xFF


def frequent_tokens() -> frozenset[str]:
    """The tokens that have a bitmap."""
    keys = SearchFacet.objects.filter(key__startswith=WORD).values_list("key", flat=True)
    return frozenset(key[len(WORD) :] for key in keys)


def _new_generation() -> None:
    """Give the row GENERATION a new stamp, in the transaction that writes bitmaps: a
    search reads that one stamp, and all the others only when it has changed."""
    SearchFacet.objects.bulk_create(
        [SearchFacet(key=GENERATION, bits=b"", stamp=new_stamp())],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["stamp"],
    )


def apply_changes(changes: dict[int, tuple[set[str], set[str]]]) -> None:
    """Move organisations between bitmaps: id → (keys it had, keys it has now).

    The rows touched are locked (in key order, so that two writers cannot deadlock) and
    rewritten once each, however many organisations change. A facet value's row is created
    when missing; a token's is not: a token bitmap is complete or absent (see `matching`),
    and only a bulk reindex creates one (`replace_tokens`)."""
    touched = sorted(
        {key for old, new in changes.values() for key in old ^ new}
        # a key whose bit does not move is left alone
    )
    if not touched:
        return
    SearchFacet.objects.bulk_create(
        [
            SearchFacet(key=key, bits=encode(bytearray()), stamp=new_stamp())
            for key in touched
            if not key.startswith(WORD)
        ],
        ignore_conflicts=True,
    )
    rows = SearchFacet.objects.select_for_update().filter(key__in=touched).order_by("key")
    bitmaps = {row.key: decode(row.bits) for row in rows}
    for pk, (old, new) in changes.items():
        for key in old - new:
            if key in bitmaps:
                _set(bitmaps[key], pk, False)
        for key in new - old:
            if key in bitmaps:
                _set(bitmaps[key], pk, True)
    SearchFacet.objects.bulk_update(
        [
            SearchFacet(key=key, bits=encode(bits), stamp=new_stamp())
            for key, bits in bitmaps.items()
        ],
        ["bits", "stamp"],
        batch_size=100,
    )
    _new_generation()


def _rows(bitmaps: dict[str, bytearray | int], prefix: str = "") -> list[SearchFacet]:
    return [
        SearchFacet(
            key=prefix + key,
            bits=encode(bits) if isinstance(bits, bytearray) else _int_bytes(bits),
            stamp=new_stamp(),
        )
        for key, bits in sorted(bitmaps.items())
    ]


def _int_bytes(bitmap: int) -> bytes:
    return bitmap.to_bytes((bitmap.bit_length() + 7) // 8, "little")


def rebuild(keys_of: dict[int, list[str]], *, tokens: dict[str, int]) -> None:
    """Replace every bitmap by those of these organisations (a full reindex), and the
    token bitmaps by `tokens` (token → bitmap)."""
    bitmaps: dict[str, bytearray] = {}
    for pk, keys in keys_of.items():
        for key in keys:
            _set(bitmaps.setdefault(key, bytearray()), pk, True)
    SearchFacet.objects.exclude(key__in=UNBITTED).delete()
    SearchFacet.objects.bulk_create([*_rows(bitmaps), *_rows(tokens, WORD)], batch_size=100)
    _new_generation()


def replace_tokens(tokens: dict[str, int]) -> None:
    """Replace the token bitmaps by `tokens` (token → bitmap)."""
    SearchFacet.objects.filter(key__startswith=WORD).delete()
    SearchFacet.objects.bulk_create(_rows(tokens, WORD), batch_size=100)
    _new_generation()


# key → (stamp, bitmap) of the bitmaps this process has read (see `load`).
_read: dict[str, tuple[int, int]] = {}


@dataclass(frozen=True)
class Loaded:
    facets: dict[str, int]  # facet key → bitmap
    tokens: dict[str, int]  # frequent token (without its prefix) → bitmap
    memberships: int | None = None  # the stamp of the memberships, None if unknown


_loaded = Loaded({}, {})
_generation: int | None = None  # the generation of `_loaded`


def load() -> Loaded:
    """Every bitmap, as a Python integer (bit n ↔ organisation n).

    One query for two stamps: the generation of the bitmaps (see `_new_generation`) and the
    memberships'. When the generation has changed since this process last read it, a second
    query reads every bitmap's stamp, and a third the bitmaps whose stamp differs from the
    one read last time (all of them the first time)."""
    global _loaded, _generation
    table = SearchFacet._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, stamp FROM {table} WHERE key IN (%s, %s)", UNBITTED)
        unbitted = dict(cursor.fetchall())
    generation = unbitted.get(GENERATION)
    if generation is not None and generation == _generation:
        if _loaded.memberships != unbitted.get(MEMBERSHIPS):
            _loaded = replace(_loaded, memberships=unbitted.get(MEMBERSHIPS))
        return _loaded
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, stamp FROM {table}")
        stamps = dict(cursor.fetchall())
    _generation = generation
    stale = [key for key, stamp in stamps.items() if _read.get(key, (None,))[0] != stamp]
    gone = _read.keys() - stamps.keys()
    if not stale and not gone:
        _loaded = replace(_loaded, memberships=stamps.get(MEMBERSHIPS))
        return _loaded
    for start in range(0, len(stale), 500):
        rows = SearchFacet.objects.filter(key__in=stale[start : start + 500]).values_list(
            "key", "stamp", "bits"
        )
        for key, stamp, bits in rows:
            _read[key] = (stamp, int.from_bytes(bits, "little"))
    for key in gone | (set(stale) - _read.keys()):
        _read.pop(key, None)
    _loaded = Loaded(
        facets={
            key: bits
            for key, (_s, bits) in _read.items()
            if not key.startswith(WORD) and key not in UNBITTED
        },
        tokens={key[1:]: bits for key, (_s, bits) in _read.items() if key.startswith(WORD)},
        memberships=stamps.get(MEMBERSHIPS),
    )
    return _loaded


def of_ids(ids: list[int]) -> int:
    """The bitmap of these ids (a plain loop: this runs over every match of a query)."""
    if not ids:
        return 0
    bits = bytearray((max(ids) >> 3) + 1)
    for pk in ids:
        bits[pk >> 3] |= 1 << (pk & 7)
    return int.from_bytes(bits, "little")


def of_selects(texts: list[str], select: str) -> list[int]:
    """The bitmap of each full-text expression, in one query: `select` reads the ids it
    matches joined by commas, the expression as its one parameter. An empty expression
    matches nothing."""
    asked = [(number, text) for number, text in enumerate(texts) if text]
    found = [0] * len(texts)
    if not asked:
        return found
    sql = " UNION ALL ".join(f"SELECT {number}, ({select})" for number, _text in asked)
    with connection.cursor() as cursor:
        cursor.execute(sql, [text for _number, text in asked])
        for number, joined in cursor.fetchall():
            if joined:
                found[number] = of_ids(list(map(int, joined.split(","))))
    return found


def members(bitmap: int) -> bytes:
    """The bitmap as bytes, for cheap membership tests of many ids (see `has`)."""
    return _int_bytes(bitmap)


def has(bits: bytes, pk: int) -> bool:
    index = pk >> 3
    return index < len(bits) and bool(bits[index] >> (pk & 7) & 1)


_NONZERO_BYTES = re.compile(rb"[^\x00]+")
_BITS_OF_BYTE = tuple(tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256))


def ids(bitmap: int) -> list[int]:
    """The ids of a bitmap, in order. The runs of zero bytes are skipped by the regular
    expression engine: a sample of a thousand ids among 100 000 is mostly zeros."""
    data = _int_bytes(bitmap)
    return [
        (offset << 3) + bit
        for run in _NONZERO_BYTES.finditer(data)
        for offset, byte in enumerate(run.group(), run.start())
        for bit in _BITS_OF_BYTE[byte]
    ]


def multiples(step: int, length: int) -> int:
    """The bitmap of the multiples of `step` (0 included) below `length`."""
    pattern = "0" * (step - 1) + "1"  # read from the right: bit 0, then every step-th
    return int(pattern * (length // step + 1), 2) & ((1 << length) - 1)
