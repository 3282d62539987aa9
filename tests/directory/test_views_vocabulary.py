"""The vocabulary pages over HTTP: staff only; list by facet with counts, new terms, labels
and synonyms; bad input is a field error."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from grappe.core.models import ActivityLog, Facet, Term
from grappe.directory import services
from tests.factories import (
    OrganisationFactory,
    StaffUserFactory,
    TermFactory,
    UserFactory,
    member_contact,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("directory:vocabulary")
CREATE_URL = reverse("directory:term_create")
HTMX = {"HTTP_HX_REQUEST": "true"}


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def edit_url(term) -> str:
    return reverse("directory:term_edit", kwargs={"code": term.code})


@pytest.fixture
def staff():
    return StaffUserFactory(username="pole-staff")


@pytest.fixture
def staff_client(staff):
    return logged_in(staff)


@pytest.fixture
def decolletage():
    return TermFactory(
        code="decolletage",
        facet=Facet.PROCESS,
        label_fr="Décolletage",
        label_en="Swiss-type bar turning",
        synonyms_fr=["tournage automatique"],
        synonyms_en=["swiss turning"],
    )


@pytest.fixture
def titane():
    return TermFactory(code="titane", facet=Facet.MATERIAL, label_fr="Titane", label_en="Titanium")


def term_data(**overrides) -> dict:
    data = {
        "code": "micro_injection",
        "facet": "process",
        "label_fr": "Micro-injection",
        "label_en": "Micro-moulding",
        "synonyms_fr": "micro-moulage\ninjection plastique de précision",
        "synonyms_en": "micro injection | micro moulding",
    }
    data.update(overrides)
    return data


# Who may see and change the vocabulary


@pytest.mark.parametrize("url", [LIST_URL, CREATE_URL, "/vocabulaire/decolletage/modifier/"])
def test_anonymous_is_sent_to_the_login_page(client, decolletage, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_non_staff_are_refused(who, decolletage):
    user = member_contact(username="member") if who == "member" else UserFactory(username="nobody")
    client = logged_in(user)
    assert client.get(LIST_URL).status_code == 403
    assert client.get(CREATE_URL).status_code == 403
    assert client.post(CREATE_URL, term_data()).status_code == 403
    assert client.get(edit_url(decolletage)).status_code == 403
    assert client.post(edit_url(decolletage), {"label_fr": "Piraté"}).status_code == 403
    assert not Term.objects.filter(code="micro_injection").exists()
    decolletage.refresh_from_db()
    assert decolletage.label_fr == "Décolletage"


# The list


def test_list_groups_terms_by_facet_with_organisation_counts(
    staff_client, staff, decolletage, titane
):
    for organisation in OrganisationFactory.create_batch(3):
        services.set_capabilities(actor=staff, organisation=organisation, terms=[decolletage])
    response = staff_client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    counts = {term.code: term.organisation_count for term in response.context["page_obj"]}
    assert counts == {"decolletage": 3, "titane": 0}
    html = response.content.decode()
    assert '<h2 class="h5 mt-3">Process</h2>' in html
    assert '<h2 class="h5 mt-3">Material</h2>' in html
    assert "tournage automatique" in html
    assert "swiss turning" in html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("swiss turning", ["decolletage"]),  # an English synonym
        ("Tournage", ["decolletage"]),  # a French synonym, any case
        ("titan", ["titane"]),
        ("TITANE", ["titane"]),  # the code
        ("nothing like it", []),
    ],
)
def test_list_search_looks_in_codes_labels_and_synonyms(
    staff_client, decolletage, titane, text, expected
):
    response = staff_client.get(LIST_URL, {"q": text})
    assert [term.code for term in response.context["page_obj"]] == expected


def test_list_filters_by_facet_and_ignores_an_unknown_facet(staff_client, decolletage, titane):
    response = staff_client.get(LIST_URL, {"facet": "material"})
    assert [term.code for term in response.context["page_obj"]] == ["titane"]
    response = staff_client.get(LIST_URL, {"facet": "colour", "page": "x"})
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == 2


def test_list_htmx_request_gets_the_partial(staff_client, decolletage):
    response = staff_client.get(LIST_URL, {"q": "déco"}, **HTMX)
    html = response.content.decode()
    assert "<html" not in html
    assert 'data-term="decolletage"' in html


def test_list_empty_state(staff_client):
    with translation.override("en"):
        response = staff_client.get(LIST_URL, {"q": "zzz"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "No term matches these criteria." in response.content.decode()


def test_list_queries_do_not_grow_with_terms(staff_client, staff, django_assert_max_num_queries):
    def build(count: int) -> None:
        for _number in range(count):
            term = TermFactory()
            services.set_capabilities(actor=staff, organisation=OrganisationFactory(), terms=[term])

    build(3)
    with django_assert_max_num_queries(8) as few:
        staff_client.get(LIST_URL)
    build(40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff_client.get(LIST_URL)
    assert len(response.context["page_obj"]) == 43


# A new term


def test_staff_add_a_term_with_synonyms(staff_client, staff):
    response = staff_client.post(CREATE_URL, term_data())
    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    term = Term.objects.get(code="micro_injection")
    assert term.facet == "process"
    assert term.synonyms_fr == ["micro-moulage", "injection plastique de précision"]
    assert term.synonyms_en == ["micro injection", "micro moulding"]
    assert ActivityLog.objects.filter(action="core.term.created", actor=staff).count() == 1


def test_english_label_defaults_to_the_french_one(staff_client):
    staff_client.post(CREATE_URL, term_data(label_en=""))
    assert Term.objects.get(code="micro_injection").label_en == "Micro-injection"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"code": "decolletage"}, "code"),  # already taken
        ({"code": "pas un code"}, "code"),
        ({"code": ""}, "code"),
        ({"label_fr": ""}, "label_fr"),
        ({"label_fr": "x" * 201}, "label_fr"),
        ({"facet": "colour"}, "facet"),
        ({"facet": ""}, "facet"),
        ({"synonyms_fr": "x" * 201}, "synonyms_fr"),
    ],
)
def test_bad_new_term_is_a_field_error_and_nothing_is_written(
    staff_client, decolletage, overrides, field
):
    before = Term.objects.count()
    response = staff_client.post(CREATE_URL, term_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "is-invalid" in response.content.decode()
    assert Term.objects.count() == before
    assert not ActivityLog.objects.filter(action="core.term.created").exists()


# Editing a term


def test_staff_edit_labels_and_synonyms(staff_client, staff, decolletage):
    response = staff_client.get(edit_url(decolletage))
    assert response.status_code == 200
    form = response.context["form"]
    assert "code" not in form.fields
    assert "facet" not in form.fields
    assert "tournage automatique" in response.content.decode()

    response = staff_client.post(
        edit_url(decolletage),
        {
            "label_fr": "Décolletage",
            "label_en": "Swiss turning",
            "synonyms_fr": "tournage automatique\ndécolleteur|tour à poupée mobile",
            "synonyms_en": "bar turning",
        },
    )
    assert response.status_code == 302
    decolletage.refresh_from_db()
    assert decolletage.label_en == "Swiss turning"
    assert decolletage.synonyms_fr == [
        "tournage automatique",
        "décolleteur",
        "tour à poupée mobile",
    ]
    assert decolletage.synonyms_en == ["bar turning"]
    assert decolletage.facet == "process"
    entry = ActivityLog.objects.get(action="core.term.updated")
    assert entry.actor == staff


def test_editing_cannot_change_code_or_facet(staff_client, decolletage):
    staff_client.post(
        edit_url(decolletage),
        {"code": "autre", "facet": "material", "label_fr": "Décolletage", "label_en": "X"},
    )
    decolletage.refresh_from_db()
    assert (decolletage.code, decolletage.facet) == ("decolletage", "process")


def test_empty_label_on_edit_is_a_field_error(staff_client, decolletage):
    response = staff_client.post(edit_url(decolletage), {"label_fr": "", "label_en": "X"})
    assert response.status_code == 200
    assert "label_fr" in response.context["form"].errors
    decolletage.refresh_from_db()
    assert decolletage.label_fr == "Décolletage"
    assert decolletage.label_en == "Swiss-type bar turning"


def test_unknown_term_is_404(staff_client):
    assert staff_client.get("/vocabulaire/inconnu/modifier/").status_code == 404
