"""An organisation's know-how over HTTP: shown on its page, edited by its contacts and the
staff, refused to everyone else; bad input writes nothing."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from grappe.core.models import ActivityLog, Facet
from grappe.directory import services
from grappe.directory.models import Capability, CapabilityProfile, Equipment, Tolerance
from tests.factories import (
    OrganisationFactory,
    StaffUserFactory,
    TermFactory,
    UserFactory,
    member_contact,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Décolletage Comtois", slug="decolletage-comtois")


@pytest.fixture
def contact(organisation):
    return member_contact(organisation=organisation, username="comtois")


@pytest.fixture
def contact_client(contact):
    return logged_in(contact)


@pytest.fixture
def staff():
    return StaffUserFactory(username="pole-staff")


@pytest.fixture
def staff_client(staff):
    return logged_in(staff)


@pytest.fixture
def other_member_client():
    """The contact of another member: may read the directory, not edit this organisation."""
    return logged_in(member_contact(organisation=OrganisationFactory(name="Autre")))


@pytest.fixture
def outsider_client():
    return logged_in(UserFactory(username="outsider"))


@pytest.fixture
def terms():
    return {
        "decolletage": TermFactory(code="decolletage", facet=Facet.PROCESS, label_fr="Décolletage"),
        "fraisage": TermFactory(code="fraisage", facet=Facet.PROCESS, label_fr="Fraisage"),
        "titane": TermFactory(code="titane", facet=Facet.MATERIAL, label_fr="Titane"),
        "medical": TermFactory(code="medical", facet=Facet.MARKET, label_fr="Médical"),
        "iso_13485": TermFactory(code="iso_13485", facet=Facet.CERTIFICATION, label_fr="ISO 13485"),
    }


def detail_url(organisation) -> str:
    return reverse("members:organisation_detail", kwargs={"slug": organisation.slug})


def edit_url(organisation) -> str:
    return reverse("directory:capabilities_edit", kwargs={"slug": organisation.slug})


def equipment_add_url(organisation) -> str:
    return reverse("directory:equipment_add", kwargs={"slug": organisation.slug})


def tolerance_add_url(organisation) -> str:
    return reverse("directory:tolerance_add", kwargs={"slug": organisation.slug})


def equipment_remove_url(equipment) -> str:
    return reverse(
        "directory:equipment_remove",
        kwargs={"slug": equipment.organisation.slug, "pk": equipment.pk},
    )


def tolerance_remove_url(tolerance) -> str:
    return reverse(
        "directory:tolerance_remove",
        kwargs={"slug": tolerance.organisation.slug, "pk": tolerance.pk},
    )


def codes_of(organisation) -> set[str]:
    return set(
        Capability.objects.filter(organisation=organisation).values_list("term__code", flat=True)
    )


def edit_data(terms, *codes, text_fr="", text_en="") -> dict:
    data: dict = {"text_fr": text_fr, "text_en": text_en}
    for code in codes:
        term = terms[code]
        data.setdefault(term.facet, []).append(str(term.pk))
    return data


# The organisation's page


def test_organisation_page_shows_the_know_how_to_everyone(client, organisation, terms, staff):
    services.set_capabilities(
        actor=staff,
        organisation=organisation,
        terms=[terms["decolletage"], terms["titane"], terms["iso_13485"]],
    )
    services.update_capability_profile(
        actor=staff,
        organisation=organisation,
        text_fr="Vis et implants en titane pour l'orthopédie.",
        text_en="Titanium screws and implants.",
    )
    services.add_equipment(
        actor=staff, organisation=organisation, machine="Tornos Swiss GT 26", quantity=6
    )
    services.add_tolerance(
        actor=staff, organisation=organisation, feature="diamètre", plus_minus_um=Decimal("2")
    )

    response = client.get(detail_url(organisation))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="organisation-capabilities"' in html
    assert "Vis et implants en titane" in html  # French is the default language
    assert "Décolletage" in html
    assert "Titane" in html
    assert "ISO 13485" in html
    assert "6 × Tornos Swiss GT 26" in html
    assert "diamètre : ±2 µm" in html  # French typography: a space before the colon
    assert edit_url(organisation) not in html  # the public may not edit


def test_organisation_page_shows_the_english_text_in_english(client, organisation, staff):
    services.update_capability_profile(
        actor=staff, organisation=organisation, text_fr="Décolletage.", text_en="Bar turning."
    )
    response = client.get(detail_url(organisation), HTTP_ACCEPT_LANGUAGE="en")
    assert "Bar turning." in response.content.decode()
    assert "Décolletage." not in response.content.decode()


def test_organisation_page_without_know_how_says_so(client, organisation):
    response = client.get(detail_url(organisation), HTTP_ACCEPT_LANGUAGE="en")
    assert "No know-how described yet." in response.content.decode()


@pytest.mark.parametrize("who", ["contact", "staff"])
def test_organisation_page_offers_the_edit_link_to_contacts_and_staff(
    who, organisation, contact_client, staff_client
):
    client = contact_client if who == "contact" else staff_client
    assert edit_url(organisation) in client.get(detail_url(organisation)).content.decode()


def test_organisation_page_hides_the_edit_link_from_other_members(
    organisation, other_member_client
):
    response = other_member_client.get(detail_url(organisation))
    assert edit_url(organisation) not in response.content.decode()


def test_staff_see_the_know_how_changes_in_the_activity_log(
    organisation, contact, contact_client, staff_client, terms
):
    contact_client.post(edit_url(organisation), edit_data(terms, "titane", text_fr="Titane."))
    contact_client.post(
        equipment_add_url(organisation),
        {"equipment-machine": "Tornos", "equipment-quantity": "2"},
    )

    response = staff_client.get(detail_url(organisation), HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert "capabilities changed" in html
    assert "capability description updated" in html
    assert "equipment added" in html
    assert contact.username in html


# Who may edit


@pytest.mark.parametrize(
    "url_of",
    [edit_url, equipment_add_url, tolerance_add_url],
    ids=["edit", "equipment", "tolerance"],
)
def test_anonymous_is_sent_to_the_login_page(client, organisation, url_of):
    response = client.get(url_of(organisation))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["other_member", "outsider"])
def test_other_users_are_refused_the_edit_page(
    who, organisation, terms, other_member_client, outsider_client
):
    client = other_member_client if who == "other_member" else outsider_client
    assert client.get(edit_url(organisation)).status_code == 403
    response = client.post(edit_url(organisation), edit_data(terms, "titane"))
    assert response.status_code == 403
    assert codes_of(organisation) == set()


def test_another_members_contact_cannot_add_or_remove_rows(
    organisation, other_member_client, staff
):
    equipment = services.add_equipment(actor=staff, organisation=organisation, machine="Tornos")
    tolerance = services.add_tolerance(
        actor=staff, organisation=organisation, feature="diamètre", plus_minus_um=Decimal("2")
    )
    responses = [
        other_member_client.post(
            equipment_add_url(organisation),
            {"equipment-machine": "Citizen", "equipment-quantity": "1"},
        ),
        other_member_client.post(
            tolerance_add_url(organisation),
            {"tolerance-feature": "planéité", "tolerance-plus_minus_um": "1"},
        ),
        other_member_client.post(equipment_remove_url(equipment)),
        other_member_client.post(tolerance_remove_url(tolerance)),
        other_member_client.get(equipment_remove_url(equipment)),
    ]
    assert [response.status_code for response in responses] == [403] * 5
    assert Equipment.objects.count() == 1
    assert Tolerance.objects.count() == 1


def test_unknown_organisation_is_404(staff_client):
    response = staff_client.get(reverse("directory:capabilities_edit", kwargs={"slug": "nope"}))
    assert response.status_code == 404


# Editing terms and descriptions


@pytest.mark.parametrize("who", ["contact", "staff"])
def test_edit_page_shows_the_current_choices(who, organisation, terms, staff, contact_client):
    client = contact_client if who == "contact" else logged_in(staff)
    services.set_capabilities(actor=staff, organisation=organisation, terms=[terms["titane"]])
    response = client.get(edit_url(organisation))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form["material"].initial) == [terms["titane"]]
    html = response.content.decode()
    assert f'value="{terms["titane"].pk}"' in html
    assert 'data-term-filter="#terms-process"' in html


def test_contact_saves_terms_and_descriptions(organisation, contact, contact_client, terms):
    response = contact_client.post(
        edit_url(organisation),
        edit_data(
            terms,
            "decolletage",
            "titane",
            "medical",
            "iso_13485",
            text_fr="Vis orthopédiques en titane.",
            text_en="Titanium orthopaedic screws.",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == detail_url(organisation)
    assert codes_of(organisation) == {"decolletage", "titane", "medical", "iso_13485"}
    profile = CapabilityProfile.objects.get(organisation=organisation)
    assert profile.text_fr == "Vis orthopédiques en titane."
    assert profile.text_en == "Titanium orthopaedic screws."
    actions = set(
        ActivityLog.objects.filter(actor=contact, object_id=str(organisation.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions == {"directory.capabilities.changed", "directory.profile.updated"}


def test_unticking_removes_the_terms(organisation, contact_client, terms, staff):
    services.set_capabilities(
        actor=staff, organisation=organisation, terms=[terms["titane"], terms["fraisage"]]
    )
    contact_client.post(edit_url(organisation), edit_data(terms, "fraisage"))
    assert codes_of(organisation) == {"fraisage"}


def test_unknown_term_id_is_a_field_error_and_nothing_is_written(
    organisation, contact_client, terms, staff
):
    services.set_capabilities(actor=staff, organisation=organisation, terms=[terms["titane"]])
    data = edit_data(terms, "decolletage", text_fr="Nouveau texte.")
    data["material"] = ["999999"]

    response = contact_client.post(edit_url(organisation), data)

    assert response.status_code == 200
    assert "material" in response.context["form"].errors
    assert codes_of(organisation) == {"titane"}
    assert not CapabilityProfile.objects.filter(organisation=organisation).exists()


def test_term_of_another_facet_is_a_field_error(organisation, contact_client, terms):
    data = {"process": [str(terms["titane"].pk)], "text_fr": "", "text_en": ""}
    response = contact_client.post(edit_url(organisation), data)
    assert response.status_code == 200
    assert "process" in response.context["form"].errors
    assert codes_of(organisation) == set()


def test_garbage_term_id_is_a_field_error(organisation, contact_client):
    response = contact_client.post(
        edit_url(organisation), {"process": ["abc", "1; DROP TABLE"], "text_fr": "x"}
    )
    assert response.status_code == 200
    assert "process" in response.context["form"].errors


# Equipment rows


def test_equipment_added_with_htmx_returns_the_card(organisation, contact_client):
    response = contact_client.post(
        equipment_add_url(organisation),
        {
            "equipment-machine": "Tornos Swiss GT 26",
            "equipment-quantity": "6",
            "equipment-envelope": "Ø 0.5–26 mm",
        },
        **HTMX,
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card mb-4" id="equipment"')
    assert "<html" not in html
    assert "Tornos Swiss GT 26" in html
    equipment = Equipment.objects.get()
    assert (equipment.quantity, equipment.envelope) == (6, "Ø 0.5–26 mm")
    # The form is empty again for the next row.
    assert response.context["equipment_form"].is_bound is False


def test_equipment_added_without_javascript_comes_back_to_the_page(organisation, contact_client):
    response = contact_client.post(
        equipment_add_url(organisation),
        {"equipment-machine": "Citizen L20", "equipment-quantity": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url(organisation) + "#equipment"
    assert Equipment.objects.get().machine == "Citizen L20"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"equipment-machine": "Tornos", "equipment-quantity": "0"}, "quantity"),
        ({"equipment-machine": "Tornos", "equipment-quantity": "-3"}, "quantity"),
        ({"equipment-machine": "Tornos", "equipment-quantity": "beaucoup"}, "quantity"),
        ({"equipment-machine": "", "equipment-quantity": "1"}, "machine"),
        ({"equipment-machine": "x" * 201, "equipment-quantity": "1"}, "machine"),
    ],
)
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "plain"])
def test_bad_equipment_is_a_field_error_and_nothing_is_written(
    organisation, contact_client, data, field, htmx
):
    response = contact_client.post(equipment_add_url(organisation), data, **(HTMX if htmx else {}))
    assert response.status_code == 200
    assert field in response.context["equipment_form"].errors
    assert "is-invalid" in response.content.decode()
    assert not Equipment.objects.exists()
    assert not ActivityLog.objects.filter(action="directory.equipment.added").exists()


def test_equipment_removal_asks_for_confirmation_without_javascript(
    organisation, contact_client, staff
):
    equipment = services.add_equipment(actor=staff, organisation=organisation, machine="Tornos")
    response = contact_client.get(equipment_remove_url(equipment))
    assert response.status_code == 200
    assert '<form method="post"' in response.content.decode()
    assert Equipment.objects.exists()

    response = contact_client.post(equipment_remove_url(equipment))
    assert response.status_code == 302
    assert not Equipment.objects.exists()


def test_equipment_removed_with_htmx_returns_the_card(organisation, contact_client, staff):
    removed = services.add_equipment(actor=staff, organisation=organisation, machine="Bumotec")
    kept = services.add_equipment(actor=staff, organisation=organisation, machine="Citizen")
    response = contact_client.post(equipment_remove_url(removed), **HTMX)
    assert response.status_code == 200
    assert "Bumotec" not in response.content.decode()
    assert kept.machine in response.content.decode()
    assert 'hx-confirm="' in response.content.decode()  # the next removal asks too
    assert ActivityLog.objects.filter(action="directory.equipment.removed").count() == 1


def test_equipment_of_another_organisation_is_404(organisation, contact_client, staff):
    elsewhere = services.add_equipment(
        actor=staff, organisation=OrganisationFactory(), machine="Tornos"
    )
    url = reverse(
        "directory:equipment_remove", kwargs={"slug": organisation.slug, "pk": elsewhere.pk}
    )
    assert contact_client.post(url).status_code == 404
    assert Equipment.objects.filter(pk=elsewhere.pk).exists()


# Tolerance rows


def test_tolerance_added_with_htmx(organisation, contact_client, terms):
    response = contact_client.post(
        tolerance_add_url(organisation),
        {
            "tolerance-feature": "diamètre",
            "tolerance-plus_minus_um": "1.5",
            "tolerance-process": str(terms["decolletage"].pk),
        },
        **HTMX,
    )
    assert response.status_code == 200
    assert "±1.5 µm" in response.content.decode()
    tolerance = Tolerance.objects.get()
    assert tolerance.plus_minus_um == Decimal("1.5")
    assert tolerance.process == terms["decolletage"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"tolerance-feature": "diamètre", "tolerance-plus_minus_um": "-2"}, "plus_minus_um"),
        ({"tolerance-feature": "diamètre", "tolerance-plus_minus_um": "0"}, "plus_minus_um"),
        ({"tolerance-feature": "diamètre", "tolerance-plus_minus_um": "NaN"}, "plus_minus_um"),
        ({"tolerance-feature": "diamètre", "tolerance-plus_minus_um": "1e12"}, "plus_minus_um"),
        ({"tolerance-feature": "", "tolerance-plus_minus_um": "2"}, "feature"),
        (
            {
                "tolerance-feature": "diamètre",
                "tolerance-plus_minus_um": "2",
                "tolerance-process": "999999",
            },
            "process",
        ),
    ],
)
def test_bad_tolerance_is_a_field_error_and_nothing_is_written(
    organisation, contact_client, data, field, terms
):
    response = contact_client.post(tolerance_add_url(organisation), data, **HTMX)
    assert response.status_code == 200
    assert field in response.context["tolerance_form"].errors
    assert not Tolerance.objects.exists()


def test_a_material_term_is_not_a_tolerance_process(organisation, contact_client, terms):
    data = {
        "tolerance-feature": "diamètre",
        "tolerance-plus_minus_um": "2",
        "tolerance-process": str(terms["titane"].pk),
    }
    response = contact_client.post(tolerance_add_url(organisation), data)
    assert "process" in response.context["tolerance_form"].errors
    assert not Tolerance.objects.exists()


def test_tolerance_removed(organisation, staff_client, staff):
    tolerance = services.add_tolerance(
        actor=staff, organisation=organisation, feature="diamètre", plus_minus_um=Decimal("2")
    )
    response = staff_client.post(tolerance_remove_url(tolerance), **HTMX)
    assert response.status_code == 200
    assert not Tolerance.objects.exists()
    assert response.context["tolerances"] == []


def test_add_urls_refuse_get(organisation, contact_client):
    assert contact_client.get(equipment_add_url(organisation)).status_code == 405
    assert contact_client.get(tolerance_add_url(organisation)).status_code == 405
