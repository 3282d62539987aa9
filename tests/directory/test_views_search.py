"""“Find a know-how” over HTTP: public, faceted, paginated; members and staff see more;
no input gives a 500 or leaks markup."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from grappe.core.models import Facet
from grappe.directory import services
from grappe.members.models import ClusterMembership
from tests.factories import (
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    StaffUserFactory,
    TermFactory,
    UserFactory,
    member_contact,
    valid_siret,
)

pytestmark = pytest.mark.django_db

URL = reverse("directory:search")
HTMX = {"HTTP_HX_REQUEST": "true"}


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def staff():
    return StaffUserFactory(username="pole-staff")


@pytest.fixture
def terms():
    return {
        "decolletage": TermFactory(
            code="decolletage",
            facet=Facet.PROCESS,
            label_fr="Décolletage",
            label_en="Swiss-type bar turning",
            synonyms_en=["swiss turning"],
        ),
        "injection": TermFactory(
            code="micro_injection",
            facet=Facet.PROCESS,
            label_fr="Micro-injection",
            label_en="Micro-moulding",
        ),
        "titane": TermFactory(
            code="titane", facet=Facet.MATERIAL, label_fr="Titane", label_en="Titanium"
        ),
        "medical": TermFactory(
            code="medical", facet=Facet.MARKET, label_fr="Médical", label_en="Medical"
        ),
        "iso_13485": TermFactory(
            code="iso_13485", facet=Facet.CERTIFICATION, label_fr="ISO 13485", label_en="ISO 13485"
        ),
    }


def build(staff, name, *terms, text_fr="", **fields):
    """An organisation with its capabilities, written through the services."""
    organisation = OrganisationFactory(name=name, **fields)
    services.set_capabilities(actor=staff, organisation=organisation, terms=terms)
    if text_fr:
        services.update_capability_profile(
            actor=staff, organisation=organisation, text_fr=text_fr, text_en=""
        )
    return organisation


@pytest.fixture
def directory(staff, terms):
    health = ClusterFactory(name="INNOV'HEALTH", slug="innov-health")
    comtois = build(
        staff,
        "Décolletage Comtois",
        terms["decolletage"],
        terms["titane"],
        terms["medical"],
        terms["iso_13485"],
        text_fr="Vis orthopédiques en titane, décolletage de précision.",
        city="Besançon",
        departement="25",
        naf_code="25.62B",
        headcount_band="21",
    )
    ClusterMembership.objects.create(cluster=health, organisation=comtois)
    MembershipFactory(organisation=comtois)
    jura = build(
        staff,
        "Jura Plasturgie",
        terms["injection"],
        terms["medical"],
        text_fr="Micro-injection de pièces plastiques.",
        city="Oyonnax",
        departement="01",
        kind="company",
    )
    labo = build(
        staff,
        "Atelier Horloger",
        terms["decolletage"],
        text_fr="Décolletage de pignons horlogers en laiton.",
        city="Morteau",
        departement="25",
        kind="lab",
    )
    return {"comtois": comtois, "jura": jura, "labo": labo}


def names(response) -> list[str]:
    return [item.hit.name for item in response.context["hits"]]


def html_of(response) -> str:
    return response.content.decode()


# The page for everyone


def test_empty_query_lists_every_organisation_in_name_order(client, directory):
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["Atelier Horloger", "Décolletage Comtois", "Jura Plasturgie"]
    assert response.context["result"].count == 3


def test_public_page_needs_no_login_and_shows_public_fields_only(client, directory):
    response = client.get(URL, {"q": "décolletage"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = html_of(response)
    assert "Décolletage Comtois" in html
    assert directory["comtois"].get_absolute_url() in html
    assert "Besançon" in html
    assert directory["comtois"].siret in html  # a public identifier (Sirene open data)
    assert "25.62B" not in html
    assert 'name="members_only"' not in html
    assert 'data-facet="headcount_band"' not in html
    assert 'class="small text-body-secondary search-hit-details"' not in html


@pytest.mark.parametrize("who", ["member", "staff"])
def test_members_and_staff_see_more_fields_and_the_members_filter(who, directory, staff):
    user = staff if who == "staff" else member_contact(username="member")
    response = logged_in(user).get(URL, {"q": "décolletage"}, HTTP_ACCEPT_LANGUAGE="en")
    html = html_of(response)
    assert directory["comtois"].siret in html
    assert "25.62B" in html
    assert "50 to 99 employees" in html
    assert 'name="members_only"' in html


def test_members_only_keeps_the_members(directory, staff):
    response = logged_in(staff).get(URL, {"members_only": "1"})
    assert "Décolletage Comtois" in names(response)
    assert "Jura Plasturgie" not in names(response)


def test_members_only_is_ignored_for_the_public(client, directory):
    response = client.get(URL, {"members_only": "1"})
    assert len(names(response)) == 3


def test_headcount_filter_is_ignored_for_the_public(client, directory):
    response = client.get(URL, {"headcount_band": "21"})
    assert len(names(response)) == 3
    assert response.context["chips"] == []


def test_links_lead_to_the_organisation_pages(client, directory):
    html = html_of(client.get(URL))
    for organisation in directory.values():
        assert f'href="{organisation.get_absolute_url()}"' in html


def test_matched_terms_show_as_badges_by_facet(client, directory):
    response = client.get(URL, {"process": "decolletage"}, HTTP_ACCEPT_LANGUAGE="en")
    [comtois] = [
        item for item in response.context["hits"] if item.hit.name == "Décolletage Comtois"
    ]
    assert ("Process", ["Swiss-type bar turning"]) in comtois.matched
    assert "search-hit-matched" in html_of(response)


# Facets and filters


def test_facet_counts_are_checkboxes_of_the_search_form(client, directory):
    response = client.get(URL)
    panels = {panel.name: panel for panel in response.context["panels"]}
    process = {option.value: option.count for option in panels["process"].options}
    assert process["decolletage"] == 2
    assert process["micro_injection"] == 1
    html = html_of(response)
    assert re.search(r'<input[^>]*type="checkbox" name="process" value="decolletage"', html)


def test_a_facet_value_narrows_the_results_and_shows_a_removable_chip(client, directory):
    response = client.get(URL, {"process": "decolletage"}, HTTP_ACCEPT_LANGUAGE="en")
    assert sorted(names(response)) == ["Atelier Horloger", "Décolletage Comtois"]
    [chip] = response.context["chips"]
    assert (chip.title, chip.label) == ("Process", "Swiss-type bar turning")
    assert "process=" not in chip.url
    panels = {panel.name: panel for panel in response.context["panels"]}
    checked = [option.value for option in panels["process"].options if option.checked]
    assert checked == ["decolletage"]

    narrower = client.get(URL, {"process": "decolletage", "departement": "25", "kind": "lab"})
    assert names(narrower) == ["Atelier Horloger"]
    assert len(narrower.context["chips"]) == 3


def test_values_of_one_facet_add_up(client, directory):
    response = client.get(URL, {"process": ["decolletage", "micro_injection"]})
    assert len(names(response)) == 3


def test_cluster_filter(client, directory):
    response = client.get(URL, {"cluster": "innov-health"})
    assert names(response) == ["Décolletage Comtois"]
    assert response.context["chips"][0].label == "INNOV'HEALTH"


def test_unknown_filter_values_find_nothing_and_stay_removable(client, directory):
    response = client.get(URL, {"process": "no-such-term"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert names(response) == []
    assert response.context["chips"][0].label == "no-such-term"
    assert "No organisation matches this search." in html_of(response)


def test_empty_state_suggests_terms(client, directory):
    response = client.get(URL, {"q": "zzzzqqqq xxyyzz"}, HTTP_ACCEPT_LANGUAGE="en")
    assert names(response) == []
    html = html_of(response)
    assert 'id="search-empty"' in html
    assert "?process=decolletage" in html  # the most used term is offered


# htmx


def test_htmx_request_gets_the_results_and_the_facet_counts_out_of_band(client, directory):
    response = client.get(URL, {"q": "décolletage"}, **HTMX)
    html = html_of(response)
    assert "<html" not in html
    assert 'id="facet-panels" hx-swap-oob="innerHTML"' in html
    assert 'id="result-count"' in html


def test_full_page_carries_the_htmx_search_box(client):
    html = html_of(client.get(URL))
    assert 'hx-trigger="input changed delay:300ms, search"' in html
    assert 'hx-sync="#search-form:replace"' in html
    assert 'hx-push-url="true"' in html
    assert 'id="search-facets"' in html
    assert "offcanvas-lg" in html


# Pagination


def test_results_come_twenty_per_page(client, staff, terms):
    for number in range(45):
        build(staff, f"Organisation {number:02d}", terms["titane"], siret=valid_siret(500 + number))
    first = client.get(URL)
    assert len(names(first)) == 20
    assert first.context["page_obj"].paginator.num_pages == 3
    third = client.get(URL, {"page": "3"})
    assert names(third) == [f"Organisation {number:02d}" for number in range(40, 45)]
    assert client.get(URL, {"page": "99"}).context["page_obj"].number == 3  # the last page
    assert client.get(URL, {"page": "abc"}).context["page_obj"].number == 1
    assert client.get(URL, {"page": "-4"}).context["page_obj"].number == 1


def test_search_queries_do_not_grow_with_organisations(
    client, staff, terms, django_assert_max_num_queries
):
    def add(count: int, start: int) -> None:
        for number in range(start, start + count):
            build(
                staff,
                f"Entreprise {number:03d}",
                terms["titane"],
                terms["decolletage"],
                text_fr="Décolletage du titane.",
                siret=valid_siret(700 + number),
            )

    add(3, 0)
    with django_assert_max_num_queries(30) as few:
        client.get(URL, {"q": "titane", "process": "decolletage"})
    add(40, 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"q": "titane", "process": "decolletage"})
    assert len(names(response)) == 20


# Bad input


def test_snippet_markup_from_a_description_is_escaped(client, staff, terms):
    build(
        staff,
        "Pirate",
        terms["titane"],
        text_fr='Titane <script>alert("x")</script> <img src=x onerror=alert(1)>',
        description_fr='Titane <script>alert("y")</script>',
    )
    response = client.get(URL, {"q": "titane"})
    html = html_of(response)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "Pirate" in html


@pytest.mark.parametrize(
    "q",
    [
        "x" * 10_000,
        '"décolletage',
        "titane*",
        "NEAR(titane décolletage)",
        "'; DROP TABLE members_organisation; --",
        "((((titane",
        "titane)))",
        "a\x00b\x01c\x1f\x7f",
        "AND OR NOT",
        "-titane +vis ^2 {x} [y] :z",
        "\u202e\ufeff\u200b",
    ],
)
def test_odd_queries_are_answered_normally(client, directory, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    response = client.get(URL, {"q": q}, **HTMX)
    assert response.status_code == 200


def test_odd_filter_values_are_answered_normally(client, directory):
    response = client.get(
        URL,
        {
            "process": ["\x00", "x" * 5000, "'; DROP TABLE x"],
            "departement": ['"*'],
            "kind": ["<script>"],
            "cluster": ["../"],
        },
    )
    assert response.status_code == 200
    assert "<script>" not in html_of(response)  # the chips show the value escaped


def test_outsider_sees_the_public_page(directory):
    response = logged_in(UserFactory(username="outsider")).get(URL)
    assert response.status_code == 200
    assert 'name="members_only"' not in html_of(response)


# The way in


def test_home_page_and_menu_lead_to_the_search(client):
    html = html_of(client.get(reverse("home")))
    assert re.search(r'<form[^>]*action="/savoir-faire/"[^>]*role="search"', html)
    assert 'name="q" id="home-search-q"' in html
    assert f'class="nav-link" href="{URL}"' in html


def test_staff_get_a_link_to_the_vocabulary(client, staff):
    assert reverse("directory:vocabulary") not in html_of(client.get(URL))
    assert reverse("directory:vocabulary") in html_of(logged_in(staff).get(URL))


def test_export_links_carry_the_filters_for_members_and_staff(client, directory, staff):
    params = {"q": "décolletage", "process": "decolletage", "page": "1"}
    assert 'id="search-export"' not in html_of(client.get(URL, params))
    for user in (staff, member_contact(username="member")):
        html = html_of(logged_in(user).get(URL, params))
        export = reverse("directory_transfer:export_organisations")
        # The page number is not part of what is downloaded.
        assert f'"{export}?format=csv&amp;q=d%C3%A9colletage&amp;process=decolletage"' in html
        assert f'"{export}?format=xlsx&amp;q=d%C3%A9colletage&amp;process=decolletage"' in html


def test_staff_get_a_link_to_the_import(client, staff):
    importing = reverse("directory_transfer:import_organisations")
    assert importing not in html_of(client.get(URL))
    assert importing not in html_of(logged_in(member_contact(username="member")).get(URL))
    assert importing in html_of(logged_in(staff).get(URL))
