import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from grappe.labelling.choices import Status
from grappe.members.choices import MembershipStatus
from tests.factories import (
    AffiliationFactory,
    ApplicationFactory,
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PositionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

THIS_YEAR = datetime.date.today().year


def figure_html(html: str, key: str) -> str:
    start = html.index(f'data-figure="{key}"')
    return html[start : html.index("</div>\n        </div>", start)]


def test_home_is_public_and_shows_the_figures_computed_from_the_database(client):
    for _ in range(3):
        MembershipFactory(status=MembershipStatus.ACTIVE)
    MembershipFactory(status=MembershipStatus.LAPSED)
    MembershipFactory(year=THIS_YEAR - 1, status=MembershipStatus.ACTIVE)
    PositionFactory.create_batch(2)
    ClusterFactory.create_batch(2)

    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    figures = {figure.key: figure.value for figure in response.context["figures"]}
    assert figures["members"] == 3
    assert figures["staff"] == 2
    assert figures["clusters"] == 2
    assert '<div class="key-figure">3' in figure_html(html, "members")
    assert '<div class="key-figure">2' in figure_html(html, "staff")


def test_home_shows_the_labelled_projects(client):
    for _ in range(3):
        ApplicationFactory(status=Status.LABELLED, decided_at=timezone.now())
    ApplicationFactory(status=Status.NOT_LABELLED, decided_at=timezone.now())
    response = client.get(reverse("home"))
    figures = {figure.key: figure.value for figure in response.context["figures"]}
    assert figures["labelled_projects"] == 3
    assert '<div class="key-figure">3' in figure_html(
        response.content.decode(), "labelled_projects"
    )


def test_figures_without_a_domain_are_shown_as_not_available(client):
    response = client.get(reverse("home"), headers={"accept-language": "en"})
    html = response.content.decode()
    for key in ("budget", "accompanied_structures"):
        assert "not available" in figure_html(html, key)
        assert 'class="key-figure"' not in figure_html(html, key)


def test_home_links_to_the_directory_clusters_and_governance(client):
    html = client.get(reverse("home")).content.decode()
    for name in ("members:organisation_list", "members:cluster_list", "members:governance"):
        assert reverse(name) in html
    assert "Pôle des Microtechniques" in html


def test_member_contact_gets_a_link_to_their_organisation(client, member_user):
    organisation = member_user.person.organisations.get()
    client.force_login(member_user)
    html = client.get(reverse("home")).content.decode()
    assert organisation.get_absolute_url() in html


def test_anonymous_and_other_users_get_no_organisation_link(client):
    organisation = OrganisationFactory()
    AffiliationFactory(organisation=organisation)
    assert organisation.get_absolute_url() not in client.get(reverse("home")).content.decode()
    client.force_login(UserFactory())
    assert organisation.get_absolute_url() not in client.get(reverse("home")).content.decode()


def test_home_query_count_does_not_grow_with_the_data(client, django_assert_max_num_queries):
    user = UserFactory()
    client.force_login(user)
    person = PersonFactory(user=user)
    for _ in range(3):
        AffiliationFactory(person=person)
    MembershipFactory.create_batch(10)
    PositionFactory.create_batch(5)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("home"))
    assert len(response.context["my_organisations"]) == 3
