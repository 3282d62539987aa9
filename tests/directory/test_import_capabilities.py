"""import_capabilities: many organisations' know-how in a few queries, only what differs."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from grappe.core.models import ActivityLog, Facet
from grappe.directory.models import (
    Capability,
    CapabilityProfile,
    Equipment,
    SearchDocument,
    Tolerance,
)
from grappe.directory.services import (
    CapabilityRecord,
    add_equipment,
    import_capabilities,
    set_capabilities,
)
from tests.factories import OrganisationFactory, TermFactory

pytestmark = pytest.mark.django_db

LATHE = ("tour à poupée mobile 7 axes", 6, "Ø 1–32 mm")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def terms():
    return {
        "decolletage": TermFactory(code="decolletage", label_fr="Décolletage"),
        "titane": TermFactory(code="titane", facet=Facet.MATERIAL, label_fr="Titane"),
        "laiton": TermFactory(code="laiton", facet=Facet.MATERIAL, label_fr="Laiton"),
        "iso_13485": TermFactory(code="iso_13485", facet=Facet.CERTIFICATION),
    }


def record(organisation, terms, **fields):
    fields.setdefault("text_fr", "Vis orthopédiques en titane.")
    return CapabilityRecord(organisation=organisation, terms=terms, **fields)


def test_it_writes_terms_texts_equipment_and_tolerances_then_indexes(terms):
    first, second = OrganisationFactory(), OrganisationFactory()
    changed = import_capabilities(
        actor=None,
        records=[
            record(
                first,
                [terms["decolletage"], terms["titane"]],
                text_en="Titanium orthopaedic screws.",
                equipment=[LATHE],
                tolerances=[("diamètre", Decimal("2"), terms["decolletage"])],
            ),
            record(second, [terms["laiton"]], text_fr=""),
        ],
    )
    assert changed == [first.pk, second.pk]
    assert set(first.capabilities.values_list("term__code", flat=True)) == {
        "decolletage",
        "titane",
    }
    assert first.capability_profile.text_en == "Titanium orthopaedic screws."
    assert not CapabilityProfile.objects.filter(organisation=second).exists()
    assert first.equipment.get().quantity == 6
    assert first.tolerances.get().process == terms["decolletage"]
    assert SearchDocument.objects.filter(organisation__in=[first, second]).count() == 2
    entries = ActivityLog.objects.filter(action="directory.capabilities.changed")
    assert entries.count() == 2
    data = entries.get(object_id=str(first.pk)).data
    assert data["added"] == ["decolletage", "titane"]
    assert data["changes"] == ["added", "equipment", "profile", "tolerances"]


def test_the_same_records_again_write_and_log_nothing(terms, django_assert_max_num_queries):
    organisations = OrganisationFactory.create_batch(5)
    records = [
        record(
            organisation,
            [terms["decolletage"]],
            equipment=[LATHE],
            tolerances=[("diamètre", Decimal("2"), None)],
        )
        for organisation in organisations
    ]
    import_capabilities(actor=None, records=records)
    logged = ActivityLog.objects.count()
    with django_assert_max_num_queries(8):
        assert import_capabilities(actor=None, records=records) == []
    assert ActivityLog.objects.count() == logged
    assert Equipment.objects.count() == Tolerance.objects.count() == 5


def test_terms_are_replaced_equipment_added_and_kept_quantities_updated(terms):
    organisation = OrganisationFactory()
    set_capabilities(actor=None, organisation=organisation, terms=[terms["laiton"]])
    add_equipment(actor=None, organisation=organisation, machine="presse 50 t", quantity=2)
    add_equipment(actor=None, organisation=organisation, machine=LATHE[0], envelope=LATHE[2])
    import_capabilities(
        actor=None, records=[record(organisation, [terms["titane"]], equipment=[LATHE])]
    )
    assert list(organisation.capabilities.values_list("term__code", flat=True)) == ["titane"]
    machines = dict(organisation.equipment.values_list("machine", "quantity"))
    assert machines == {"presse 50 t": 2, LATHE[0]: 6}  # the member's own press is kept
    entries = ActivityLog.objects.filter(action="directory.capabilities.changed")
    data = entries.order_by("id").last().data
    assert data["removed"] == ["laiton"]
    assert data["equipment"] == [f"6 × {LATHE[0]}"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (lambda terms: {"equipment": [("tour", 0, "")]}, "greater than or equal to 1"),
        (lambda terms: {"equipment": [("", 1, "")]}, "cannot be blank"),
        (lambda terms: {"tolerances": [("diamètre", Decimal("0"), None)]}, "greater than zero"),
        (
            lambda terms: {"tolerances": [("diamètre", Decimal("2"), terms["titane"])]},
            "not a process",
        ),
    ],
)
def test_an_invalid_record_names_its_organisation_and_nothing_is_written(terms, fields, message):
    good, bad = OrganisationFactory(), OrganisationFactory(name="Atelier Fautif")
    with pytest.raises(ValidationError) as error:
        import_capabilities(
            actor=None,
            records=[
                record(good, [terms["titane"]]),
                record(bad, [terms["titane"]], **fields(terms)),
            ],
        )
    assert "Atelier Fautif" in str(error.value)
    assert message in str(error.value)
    assert not Capability.objects.exists()
    assert not ActivityLog.objects.filter(action="directory.capabilities.changed").exists()


def test_an_organisation_twice_is_refused(terms):
    organisation = OrganisationFactory()
    with pytest.raises(ValidationError, match="twice"):
        import_capabilities(
            actor=None,
            records=[record(organisation, [terms["titane"]]), record(organisation, [])],
        )


def test_a_machine_listed_twice_counts_once_with_its_last_quantity(terms):
    organisation = OrganisationFactory()
    twice = [LATHE, (f" {LATHE[0]} ", 9, LATHE[2])]
    import_capabilities(
        actor=None, records=[record(organisation, [terms["titane"]], equipment=twice)]
    )
    assert list(organisation.equipment.values_list("machine", "quantity")) == [(LATHE[0], 9)]
