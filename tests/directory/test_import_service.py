"""What an import writes: new organisations, updates by SIRET, capabilities, clusters and
memberships, in one transaction, with the activity log and one reindexing."""

from pathlib import Path

import pytest
from django.utils import translation

from grappe.core import hooks
from grappe.core.models import ActivityLog
from grappe.directory.transfer.importing import import_organisations_file, preview_import
from grappe.members.models import Membership, Organisation
from tests.directory.transfer_helpers import (
    THIS_YEAR,
    clusters,
    counts,
    csv_bytes,
    fee_schedule,
    project_vocabulary,
    query_count,
)
from tests.factories import (
    ClusterMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
    StaffUserFactory,
    valid_siret,
)

FULL_HEADER = [
    "siret", "name", "kind", "naf", "headcount_band", "address", "postcode", "city", "country",
    "website", "email", "phone", "description_fr", "description_en", "processes", "materials",
    "markets", "certifications", "clusters", "member_since",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def vocabulary(db):
    fee_schedule()
    return project_vocabulary()


@pytest.fixture
def health_and_aero(db):
    return clusters()


def codes(organisation: Organisation) -> list[str]:
    return sorted(c.term.code for c in organisation.capabilities.all())


def run(rows, actor=None):
    return import_organisations_file(actor=actor, content=csv_bytes(rows), filename="f.csv")


def test_a_full_row_creates_the_organisation_with_everything(vocabulary, health_and_aero):
    staff = StaffUserFactory()
    row = [
        valid_siret(7), "Micro-Usinage du Doubs", "Company", "2562B", "12",
        "3 rue des Horlogers", "25500", "Morteau", "fr", "www.mud.fr", "Contact@MUD.fr",
        "03 81 67 00 00", "Usinage de précision", "Precision machining",
        "swiss turning|Rectification", "TA6V|laiton", "médical", "ISO 13485",
        "innov-health|AEROμTECH", str(THIS_YEAR - 2),
    ]  # fmt: skip
    plan = run([FULL_HEADER, row], actor=staff)
    assert (plan.created, plan.updated, plan.unchanged) == (1, 0, 0)
    organisation = Organisation.objects.get()
    assert organisation.siret == valid_siret(7)
    assert organisation.siren == valid_siret(7)[:9]
    assert organisation.kind == "company"
    assert organisation.naf_code == "25.62B"
    assert organisation.headcount_band == "12"
    assert (organisation.postcode, organisation.city) == ("25500", "Morteau")
    assert (organisation.departement, organisation.region) == ("25", "Bourgogne-Franche-Comté")
    assert organisation.country == "FR"
    assert organisation.website == "https://www.mud.fr"
    assert organisation.email == "contact@mud.fr"
    assert organisation.phone == "+33381670000"
    assert organisation.slug == "micro-usinage-du-doubs"
    assert codes(organisation) == [
        "decolletage", "iso_13485", "laiton", "rectification", "sante", "titane",
    ]  # fmt: skip
    assert sorted(c.slug for c in organisation.clusters.all()) == ["aeromutech", "innov-health"]
    memberships = Membership.objects.filter(organisation=organisation).order_by("year")
    assert [(m.year, m.status) for m in memberships] == [
        (year, "active") for year in range(THIS_YEAR - 2, THIS_YEAR + 1)
    ]
    actions = set(ActivityLog.objects.filter(actor=staff).values_list("action", flat=True))
    assert actions == {
        "members.organisation.created",  # with its terms, which have no entry of their own
        "members.cluster.joined",
        "members.membership.created",
        "directory.organisations.imported",
    }
    summary = ActivityLog.objects.get(action="directory.organisations.imported")
    assert summary.data == {"file": "f.csv", "rows": 1, "created": 1, "updated": 0}


def test_a_row_with_a_known_siret_updates_that_organisation(vocabulary, health_and_aero):
    health, _aero = health_and_aero
    existing = OrganisationFactory(name="Ancien Nom", siret=valid_siret(3), website="")
    ClusterMembershipFactory(organisation=existing, cluster=health)
    run(
        [
            ["siret", "name", "website", "processes", "clusters"],
            [valid_siret(3), "Nouveau Nom", "https://nouveau.fr", "décolletage", "aeromutech"],
            ["", "Créée", "", "", ""],
        ]
    )
    assert Organisation.objects.count() == 2
    existing.refresh_from_db()
    assert existing.name == "Nouveau Nom"
    assert existing.slug.startswith("microtechnique-")  # an update keeps the slug
    assert existing.website == "https://nouveau.fr"
    assert codes(existing) == ["decolletage"]
    assert [c.slug for c in existing.clusters.all()] == ["aeromutech"]
    update = ActivityLog.objects.get(action="members.organisation.updated")
    assert update.data["changes"]["name"] == ["Ancien Nom", "Nouveau Nom"]
    assert ActivityLog.objects.filter(action="members.cluster.left").count() == 1


def test_columns_absent_from_the_file_are_left_alone_and_blank_cells_clear(vocabulary):
    existing = OrganisationFactory(siret=valid_siret(4), city="Dole", address="1 rue A")
    rows = [["siret", "name", "address", "processes"], [valid_siret(4), existing.name, "", ""]]
    MembershipFactory(organisation=existing)
    run(rows)
    existing.refresh_from_db()
    assert existing.address == ""  # in the file, blank: cleared
    assert existing.city == "Dole"  # not in the file: unchanged
    assert existing.kind == "company"


def test_a_facet_column_replaces_only_the_terms_of_its_facet(vocabulary):
    existing = OrganisationFactory(siret=valid_siret(5))
    run([["siret", "name", "processes", "materials"], [valid_siret(5), "A", "fraisage", "titane"]])
    run([["siret", "name", "processes"], [valid_siret(5), "A", "décolletage"]])
    assert codes(existing) == ["decolletage", "titane"]


def test_member_since_adds_only_the_missing_years(vocabulary):
    existing = OrganisationFactory(siret=valid_siret(6))
    MembershipFactory(organisation=existing, year=THIS_YEAR - 1, status="lapsed")
    run([["siret", "name", "member_since"], [valid_siret(6), existing.name, str(THIS_YEAR - 2)]])
    years = dict(existing.memberships.values_list("year", "status"))
    assert years == {THIS_YEAR - 2: "active", THIS_YEAR - 1: "lapsed", THIS_YEAR: "active"}


def test_an_unchanged_row_writes_nothing_but_the_summary(vocabulary, health_and_aero):
    rows = [
        ["siret", "name", "processes", "clusters", "member_since"],
        [valid_siret(8), "Stable", "décolletage", "innov-health", str(THIS_YEAR)],
    ]
    run(rows)
    before = counts()
    plan = run(rows)
    assert (plan.created, plan.updated, plan.unchanged) == (0, 0, 1)
    assert counts() == {**before, "activity": before["activity"] + 1}


def test_a_preview_writes_nothing(vocabulary, health_and_aero):
    OrganisationFactory(siret=valid_siret(9), name="Avant")
    before = counts()
    plan = preview_import(
        content=csv_bytes(
            [
                ["siret", "name", "processes", "clusters", "member_since"],
                [valid_siret(9), "Après", "décolletage", "innov-health", "2015"],
                ["", "Nouvelle", "", "", ""],
            ]
        )
    )
    assert (plan.created, plan.updated) == (1, 1)
    assert plan.rows[0].changed_columns == ["name"]
    assert [term.code for term in plan.rows[0].added_terms] == ["decolletage"]
    assert counts() == before
    assert Organisation.objects.get(siret=valid_siret(9)).name == "Avant"


def test_new_organisations_get_unique_slugs(vocabulary):
    OrganisationFactory(name="Alpha", slug="alpha")
    run([["name"], ["Alpha"], ["alpha"], ["Alpha!"]])
    slugs = sorted(Organisation.objects.values_list("slug", flat=True))
    assert slugs == ["alpha", "alpha-2", "alpha-3", "alpha-4"]


def test_the_search_index_is_rebuilt_once_for_every_organisation_touched(
    vocabulary, health_and_aero, monkeypatch
):
    calls = []
    monkeypatch.setitem(hooks._handlers, hooks.ORGANISATIONS_CHANGED, [calls.append])
    existing = OrganisationFactory(siret=valid_siret(10))
    run(
        [
            ["siret", "name", "materials", "clusters"],
            [valid_siret(10), existing.name, "laiton", "innov-health"],
            ["", "Nouvelle", "titane", "aeromutech"],
            ["", "Autre", "", ""],
        ]
    )
    created = list(Organisation.objects.exclude(pk=existing.pk).values_list("pk", flat=True))
    assert calls == [sorted([existing.pk, *created])]


def _rows(count: int, start: int = 0) -> list[list[str]]:
    return [
        [
            valid_siret(100 + n),
            f"Org {n}",
            "25000",
            "décolletage|soudage laser",
            "titane",
            "innov-health",
        ]
        for n in range(start, start + count)
    ]


HEADER = [["siret", "name", "postcode", "processes", "materials", "clusters"]]


def test_the_number_of_queries_does_not_grow_with_the_rows(vocabulary, health_and_aero):
    small = query_count(lambda: run(HEADER + _rows(3)))
    large = query_count(lambda: run(HEADER + _rows(40, start=3)))
    assert large == small
    # and the same for updates of those organisations
    updated = [[row[0], row[1] + " bis", "39100", "rectification", "", ""] for row in _rows(43)]
    few = query_count(lambda: run(HEADER + updated[:3]))
    many = query_count(lambda: run(HEADER + updated[3:]))
    assert many == few


def test_memberships_are_written_in_batches_not_one_by_one(vocabulary):
    header = [["siret", "name", "member_since"]]
    since = str(THIS_YEAR - 9)
    small = query_count(lambda: run([*header, [valid_siret(300), "A", since]]))
    rows = [[valid_siret(400 + n), f"B{n}", since] for n in range(60)]  # 600 memberships
    large = query_count(lambda: run(header + rows))
    assert large - small < 20
    assert Membership.objects.count() == 610


def test_the_example_of_the_documentation_imports(vocabulary, health_and_aero):
    text = (Path(__file__).resolve().parents[2] / "docs" / "data-formats.md").read_text()
    example = text.split("```csv\n", 1)[1].split("```", 1)[0]
    plan = import_organisations_file(actor=None, content=example.encode(), filename="doc.csv")
    assert (plan.created, plan.updated) == (2, 0)
    comtois = Organisation.objects.get(siret="55210055400013")
    assert codes(comtois) == [
        "decolletage",
        "inox",
        "iso_13485",
        "rectification",
        "sante",
        "titane",
    ]
    assert comtois.memberships.count() == THIS_YEAR - 2015 + 1
    assert Organisation.objects.get(kind="lab").departement == "39"


def test_held_announcements_are_delivered_once_merged_and_not_at_all_on_error(monkeypatch):
    calls = []
    monkeypatch.setitem(hooks._handlers, "test.topic", [calls.append])
    with hooks.held_announcements():
        hooks.announce("test.topic", [3, 1])
        with hooks.held_announcements():  # nested: the outer block delivers
            hooks.announce("test.topic", [2, 3])
        assert calls == []
    assert calls == [[1, 2, 3]]
    with pytest.raises(ZeroDivisionError):
        _announce_then_fail("test.topic", [4])
    assert calls == [[1, 2, 3]]
    hooks.announce("test.topic", [5])
    assert calls == [[1, 2, 3], [5]]


def _announce_then_fail(topic: str, ids: list[int]) -> None:
    with hooks.held_announcements():
        hooks.announce(topic, ids)
        raise ZeroDivisionError
