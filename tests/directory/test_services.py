"""The directory's services: capabilities, descriptions, equipment and tolerances, each
logged on the organisation in the transaction of the change."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from grappe.core.models import ActivityLog, Facet
from grappe.directory import services
from grappe.directory.models import Capability, CapabilityProfile, Equipment, Tolerance
from tests.factories import OrganisationFactory, StaffUserFactory, TermFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return StaffUserFactory(username="editor")


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Décolletage Comtois")


@pytest.fixture
def terms():
    return {
        "decolletage": TermFactory(code="decolletage", facet=Facet.PROCESS),
        "fraisage": TermFactory(code="fraisage", facet=Facet.PROCESS),
        "titane": TermFactory(code="titane", facet=Facet.MATERIAL),
        "medical": TermFactory(code="medical", facet=Facet.MARKET),
        "iso_13485": TermFactory(code="iso_13485", facet=Facet.CERTIFICATION),
    }


def codes_of(organisation) -> set[str]:
    return set(
        Capability.objects.filter(organisation=organisation).values_list("term__code", flat=True)
    )


def entries(action: str):
    return ActivityLog.objects.filter(action=action)


# set_capabilities


def test_set_capabilities_adds_and_removes_and_logs_on_the_organisation(actor, organisation, terms):
    first = services.set_capabilities(
        actor=actor,
        organisation=organisation,
        terms=[terms["decolletage"], terms["titane"]],
    )
    assert first == {"added": ["decolletage", "titane"], "removed": []}
    assert codes_of(organisation) == {"decolletage", "titane"}

    second = services.set_capabilities(
        actor=actor,
        organisation=organisation,
        terms=[terms["titane"], terms["medical"]],
    )
    assert second == {"added": ["medical"], "removed": ["decolletage"]}
    assert codes_of(organisation) == {"titane", "medical"}

    logged = list(entries("directory.capabilities.changed").order_by("id"))
    assert len(logged) == 2
    assert all(entry.object_id == str(organisation.pk) for entry in logged)
    assert all(entry.actor == actor for entry in logged)
    assert logged[1].data == {"added": ["medical"], "removed": ["decolletage"]}


def test_set_capabilities_without_change_writes_no_log(actor, organisation, terms):
    services.set_capabilities(actor=actor, organisation=organisation, terms=[terms["titane"]])
    again = services.set_capabilities(
        actor=actor, organisation=organisation, terms=[terms["titane"]]
    )
    assert again == {"added": [], "removed": []}
    assert entries("directory.capabilities.changed").count() == 1


def test_set_capabilities_of_some_facets_leaves_the_others_alone(actor, organisation, terms):
    services.set_capabilities(
        actor=actor,
        organisation=organisation,
        terms=[terms["decolletage"], terms["titane"], terms["iso_13485"]],
    )
    services.set_capabilities(
        actor=actor,
        organisation=organisation,
        terms=[terms["fraisage"]],
        facets=[Facet.PROCESS],
    )
    assert codes_of(organisation) == {"fraisage", "titane", "iso_13485"}


def test_set_capabilities_refuses_a_term_outside_the_facets_edited(actor, organisation, terms):
    services.set_capabilities(actor=actor, organisation=organisation, terms=[terms["titane"]])
    with pytest.raises(ValidationError) as raised:
        services.set_capabilities(
            actor=actor,
            organisation=organisation,
            terms=[terms["decolletage"], terms["medical"]],
            facets=[Facet.PROCESS],
        )
    assert "terms" in raised.value.message_dict
    assert "medical" in raised.value.message_dict["terms"][0]
    assert codes_of(organisation) == {"titane"}  # nothing written
    assert entries("directory.capabilities.changed").count() == 1


def test_set_capabilities_to_nothing_removes_everything(actor, organisation, terms):
    services.set_capabilities(
        actor=actor, organisation=organisation, terms=[terms["titane"], terms["medical"]]
    )
    changes = services.set_capabilities(actor=actor, organisation=organisation, terms=[])
    assert changes == {"added": [], "removed": ["medical", "titane"]}
    assert codes_of(organisation) == set()


def test_capabilities_of_one_organisation_do_not_touch_another(actor, organisation, terms):
    other = OrganisationFactory()
    services.set_capabilities(actor=actor, organisation=other, terms=[terms["titane"]])
    services.set_capabilities(actor=actor, organisation=organisation, terms=[])
    assert codes_of(other) == {"titane"}


# update_capability_profile


def test_profile_update_creates_then_changes_and_logs_the_fields(actor, organisation):
    profile = services.update_capability_profile(
        actor=actor, organisation=organisation, text_fr="  Décolletage  ", text_en=""
    )
    assert profile.text_fr == "Décolletage"
    entry = entries("directory.profile.updated").get()
    assert entry.data == {"changes": ["text_fr"]}
    assert entry.object_id == str(organisation.pk)

    services.update_capability_profile(
        actor=actor, organisation=organisation, text_fr="Décolletage", text_en="Bar turning"
    )
    latest = entries("directory.profile.updated").order_by("-id").first()
    assert latest.data == {"changes": ["text_en"]}
    assert CapabilityProfile.objects.get(organisation=organisation).text_en == "Bar turning"


def test_profile_update_without_change_writes_no_log(actor, organisation):
    services.update_capability_profile(
        actor=actor, organisation=organisation, text_fr="Décolletage", text_en="Bar turning"
    )
    services.update_capability_profile(
        actor=actor, organisation=organisation, text_fr="Décolletage ", text_en=" Bar turning"
    )
    assert entries("directory.profile.updated").count() == 1


# Equipment


def test_add_and_remove_equipment_are_logged(actor, organisation):
    equipment = services.add_equipment(
        actor=actor,
        organisation=organisation,
        machine=" Tornos Swiss GT 26 ",
        quantity=6,
        envelope="Ø 0.5–26 mm",
    )
    assert equipment.machine == "Tornos Swiss GT 26"
    added = entries("directory.equipment.added").get()
    assert added.object_id == str(organisation.pk)
    assert added.data == {"equipment": "6 × Tornos Swiss GT 26"}

    services.remove_equipment(actor=actor, equipment=equipment)
    assert not Equipment.objects.exists()
    removed = entries("directory.equipment.removed").get()
    assert removed.object_id == str(organisation.pk)
    assert removed.data == {"equipment": "6 × Tornos Swiss GT 26"}


@pytest.mark.parametrize(
    ("machine", "quantity", "field"),
    [("Tornos", 0, "quantity"), ("Tornos", -2, "quantity"), ("   ", 1, "machine")],
)
def test_bad_equipment_is_refused_and_nothing_is_written(
    actor, organisation, machine, quantity, field
):
    with pytest.raises(ValidationError) as raised:
        services.add_equipment(
            actor=actor, organisation=organisation, machine=machine, quantity=quantity
        )
    assert field in raised.value.message_dict
    assert not Equipment.objects.exists()
    assert not entries("directory.equipment.added").exists()


# Tolerances


def test_add_and_remove_tolerance_are_logged(actor, organisation, terms):
    tolerance = services.add_tolerance(
        actor=actor,
        organisation=organisation,
        feature="diamètre",
        plus_minus_um=Decimal("2"),
        process=terms["decolletage"],
    )
    assert tolerance.process == terms["decolletage"]
    assert entries("directory.tolerance.added").get().data == {"tolerance": "diamètre ±2 µm"}

    services.remove_tolerance(actor=actor, tolerance=tolerance)
    assert not Tolerance.objects.exists()
    assert entries("directory.tolerance.removed").get().object_id == str(organisation.pk)


@pytest.mark.parametrize(
    ("feature", "value", "field"),
    [
        ("diamètre", Decimal("0"), "plus_minus_um"),
        ("diamètre", Decimal("-1"), "plus_minus_um"),
        ("diamètre", Decimal("12345678.9"), "plus_minus_um"),
        ("", Decimal("2"), "feature"),
    ],
)
def test_bad_tolerance_is_refused_and_nothing_is_written(
    actor, organisation, feature, value, field
):
    with pytest.raises(ValidationError) as raised:
        services.add_tolerance(
            actor=actor, organisation=organisation, feature=feature, plus_minus_um=value
        )
    assert field in raised.value.message_dict
    assert not Tolerance.objects.exists()
    assert not entries("directory.tolerance.added").exists()
