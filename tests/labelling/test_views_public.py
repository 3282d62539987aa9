"""The public list of labelled projects: only the public summaries of standard projects."""

import datetime

import pytest
from django.urls import reverse

from grappe.core.models import Facet
from grappe.labelling.choices import Confidentiality, Status
from tests.factories import ApplicationFactory, ProjectFactory, TermFactory

pytestmark = pytest.mark.django_db


def labelled(acronym: str, *, year: int = 2024, markets=(), **fields):
    project = ProjectFactory(
        acronym=acronym,
        public_summary_fr=f"Résumé public de {acronym}.",
        summary_fr=f"Secret de {acronym}.",
        markets=list(markets),
        **fields,
    )
    ApplicationFactory(
        project=project,
        status=Status.LABELLED,
        decided_at=datetime.datetime(year, 6, 1, 12, tzinfo=datetime.UTC),
    )
    return project


def test_everybody_sees_the_public_summaries_of_labelled_standard_projects(client):
    labelled("OPENLAB")
    labelled("HIDDEN", confidentiality=Confidentiality.RESTRICTED)
    ApplicationFactory(project=ProjectFactory(acronym="DRAFTED"), status=Status.SUBMITTED)
    response = client.get(reverse("labelling:public_list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "OPENLAB" in html
    assert "Résumé public de OPENLAB." in html
    assert "Secret de OPENLAB." not in html
    assert "HIDDEN" not in html
    assert "DRAFTED" not in html


def test_the_public_list_filters_by_year_and_market(client):
    health = TermFactory(code="health", facet=Facet.MARKET, label_en="Health")
    luxury = TermFactory(code="luxury", facet=Facet.MARKET, label_en="Luxury")
    labelled("WATCH", year=2023, markets=[luxury])
    labelled("IMPLANT", year=2024, markets=[health])
    url = reverse("labelling:public_list")
    by_year = client.get(url, {"annee": "2023"}).content.decode()
    assert "WATCH" in by_year
    assert "IMPLANT" not in by_year
    by_market = client.get(url, {"marche": "health"}, headers={"HX-Request": "true"})
    html = by_market.content.decode()
    assert "<html" not in html
    assert "IMPLANT" in html
    assert "WATCH" not in html
    # Bad filters are ignored, not an error.
    assert client.get(url, {"annee": "ever", "marche": "nowhere"}).status_code == 200


def test_the_public_list_is_paginated_with_a_bounded_query_count(
    client, django_assert_max_num_queries
):
    health = TermFactory(code="health", facet=Facet.MARKET)
    for number in range(30):
        labelled(f"LAB{number:02d}", markets=[health])
    url = reverse("labelling:public_list")
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.context["page_obj"].paginator.count == 30
    assert response.content.decode().count("data-project=") == 25
    assert client.get(url, {"page": "2"}).content.decode().count("data-project=") == 5


def test_a_public_page_only_for_a_published_project(client):
    open_project = labelled("OPENLAB")
    hidden = labelled("HIDDEN", confidentiality=Confidentiality.RESTRICTED)
    url = reverse("labelling:public_detail", kwargs={"pk": open_project.pk})
    assert "Résumé public de OPENLAB." in client.get(url).content.decode()
    assert (
        client.get(reverse("labelling:public_detail", kwargs={"pk": hidden.pk})).status_code == 404
    )


def test_the_home_page_links_the_labelled_projects_to_the_public_list(client):
    labelled("OPENLAB")
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("labelling:public_list")}"' in html


def test_the_menu_leads_members_to_their_projects_and_staff_to_the_pipeline(client, contact, staff):
    my_projects = f'href="{reverse("labelling:my_projects")}"'
    assert my_projects not in client.get(reverse("home")).content.decode()
    client.force_login(contact)
    assert my_projects in client.get(reverse("home")).content.decode()
    client.force_login(staff)
    assert f'href="{reverse("labelling:pipeline")}"' in client.get(reverse("home")).content.decode()
