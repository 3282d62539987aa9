"""Table numbers: within the slot's tables, one meeting per table, participants stay put."""

import pytest

from grappe.scheduling.tables import number_tables
from tests.scheduling.builders import instance, meeting


def test_a_participant_keeps_their_table():
    # a meets b, then c, then d: a stays at one table while the others come to them.
    event = instance(
        "s1 s2 s3",
        [
            meeting("x1", "e", "f"),
            meeting("m1", "a", "b"),
            meeting("m2", "a", "c"),
            meeting("x2", "e", "g"),
            meeting("m3", "d", "a"),
        ],
        tables=3,
    )
    slot_of = {"x1": "s1", "m1": "s1", "x2": "s2", "m2": "s2", "m3": "s3"}
    tables = number_tables(event, slot_of)
    assert tables["m1"] == tables["m2"] == tables["m3"]
    assert tables["x1"] == tables["x2"]
    assert tables["x1"] != tables["m1"]


def test_the_best_matching_of_a_slot_is_found():
    # In s2, m3 could take a's table (1) or b's (2); m4 only gains at table 1 (c's).
    # Keeping two participants needs m3 at 2 and m4 at 1, not the first choice of m3.
    event = instance(
        "s1 s2",
        [
            meeting("m1", "a", "c", fixed_slot="s1", fixed_table=1),
            meeting("m2", "b", "d", fixed_slot="s1", fixed_table=2),
            meeting("m3", "a", "b"),
            meeting("m4", "c", "e"),
        ],
        tables=3,
    )
    tables = number_tables(event, {"m1": "s1", "m2": "s1", "m3": "s2", "m4": "s2"})
    assert tables == {"m1": 1, "m2": 2, "m3": 2, "m4": 1}


def test_a_fixed_table_is_kept_and_others_avoid_it():
    event = instance(
        "s1",
        [
            meeting("m1", "a", "b"),
            meeting("m2", "c", "d", fixed_slot="s1", fixed_table=1),
            meeting("m3", "e", "f"),
        ],
        tables=3,
    )
    tables = number_tables(event, {"m1": "s1", "m2": "s1", "m3": "s1"})
    assert tables["m2"] == 1
    assert sorted(tables.values()) == [1, 2, 3]


def test_tables_per_slot():
    event = instance(
        "s1 s2", [meeting("m1", "a", "b"), meeting("m2", "a", "c")], tables={"s1": 5, "s2": 1}
    )
    assert number_tables(event, {"m1": "s1", "m2": "s2"}) == {"m1": 1, "m2": 1}


def test_nothing_scheduled():
    assert number_tables(instance("s1", [meeting("m1", "a", "b")]), {}) == {}


@pytest.mark.parametrize(
    ("slot_of", "message"),
    [
        ({"m1": "s1", "m2": "s1", "m3": "s1"}, "slot s1: 3 meetings for 2 tables"),
        ({"m9": "s1"}, "unknown meeting 'm9'"),
        ({"m1": "s9"}, "meeting m1: unknown slot 's9'"),
    ],
)
def test_impossible_numberings_raise(slot_of, message):
    event = instance(
        "s1", [meeting("m1", "a", "b"), meeting("m2", "c", "d"), meeting("m3", "e", "f")], tables=2
    )
    with pytest.raises(ValueError, match=message):
        number_tables(event, slot_of)
