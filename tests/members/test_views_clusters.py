import datetime

import pytest
from django.urls import reverse

from grappe.core.models import ActivityLog
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    # Pages are checked against their English msgids, whatever French translations say.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def animator():
    person = PersonFactory(first_name="Sophie", last_name="Girardot")
    PositionFactory(person=person, title="Animatrice santé")
    return person


@pytest.fixture
def cluster(animator):
    return ClusterFactory(
        name="INNOV'HEALTH",
        slug="innov-health",
        description_fr="Le cluster santé du pôle.",
        description_en="The pôle's health cluster.",
        animator=animator,
    )


def test_cluster_list_is_public_with_counts_and_animators(anonymous_client, cluster):
    ClusterMembershipFactory.create_batch(3, cluster=cluster)
    ClusterFactory(name="AEROμTECH", slug="aeromutech")
    response = anonymous_client.get(reverse("members:cluster_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "INNOV&#x27;HEALTH" in html
    assert "AEROμTECH" in html
    assert "3 organisations" in html
    assert "Sophie Girardot" in html
    assert "The pôle&#x27;s health cluster." in html
    assert reverse("members:cluster_edit", kwargs={"slug": cluster.slug}) not in html


def test_cluster_list_shows_the_edit_link_to_staff(staff_client, cluster):
    html = staff_client.get(reverse("members:cluster_list")).content.decode()
    assert reverse("members:cluster_edit", kwargs={"slug": cluster.slug}) in html


def test_cluster_list_queries_do_not_grow(anonymous_client, django_assert_max_num_queries):
    for number in range(6):
        cluster = ClusterFactory(animator=PersonFactory())
        ClusterMembershipFactory.create_batch(number, cluster=cluster)
    with django_assert_max_num_queries(3):
        response = anonymous_client.get(reverse("members:cluster_list"))
    assert response.content.decode().count('class="card h-100"') == 6


def test_cluster_list_empty_state(anonymous_client):
    html = anonymous_client.get(reverse("members:cluster_list")).content.decode()
    assert "No cluster is defined yet." in html


def test_description_follows_the_language(client, cluster, settings):
    settings.LANGUAGE_CODE = "fr"
    html = client.get(reverse("members:cluster_detail", kwargs={"slug": cluster.slug})).content
    assert "Le cluster santé du pôle." in html.decode()


def test_cluster_detail_paginates_its_organisations(
    anonymous_client, cluster, django_assert_max_num_queries
):
    for number in range(35):
        ClusterMembershipFactory(
            cluster=cluster, organisation=OrganisationFactory(name=f"Org {number:02d}")
        )
    ClusterMembershipFactory(organisation=OrganisationFactory(name="Elsewhere"))
    url = reverse("members:cluster_detail", kwargs={"slug": cluster.slug})
    with django_assert_max_num_queries(4):
        response = anonymous_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "35 organisations" in html
    assert "Org 00" in html
    assert "Org 30" not in html
    assert "Elsewhere" not in html
    assert "Sophie Girardot" in html
    with django_assert_max_num_queries(4):
        html = anonymous_client.get(url, {"page": 2}).content.decode()
    assert "Org 30" in html


def test_cluster_detail_empty_and_missing(anonymous_client, cluster):
    url = reverse("members:cluster_detail", kwargs={"slug": cluster.slug})
    assert "No organisation has joined" in anonymous_client.get(url).content.decode()
    missing = reverse("members:cluster_detail", kwargs={"slug": "nope"})
    assert anonymous_client.get(missing).status_code == 404


def test_edit_is_for_staff_only(anonymous_client, member_client, outsider_client, cluster):
    url = reverse("members:cluster_edit", kwargs={"slug": cluster.slug})
    response = anonymous_client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    for client in (member_client, outsider_client):
        assert client.get(url).status_code == 403
        assert client.post(url, {"description_fr": "piraté"}).status_code == 403
    cluster.refresh_from_db()
    assert cluster.description_fr == "Le cluster santé du pôle."


def test_staff_edits_descriptions_and_animator(staff_client, cluster):
    newcomer = PersonFactory(first_name="Hugo", last_name="Perrin")
    PositionFactory(person=newcomer)
    url = reverse("members:cluster_edit", kwargs={"slug": cluster.slug})
    response = staff_client.get(url)
    assert response.status_code == 200
    assert "Hugo Perrin" in response.content.decode()
    response = staff_client.post(
        url,
        {"description_fr": "Santé.", "description_en": "Health.", "animator": newcomer.pk},
    )
    assert response.status_code == 302
    assert response["Location"] == cluster.get_absolute_url()
    cluster.refresh_from_db()
    assert (cluster.description_fr, cluster.description_en) == ("Santé.", "Health.")
    assert cluster.animator == newcomer
    assert ActivityLog.objects.filter(action="members.cluster.updated").count() == 1


def test_the_animator_must_be_one_of_the_staff(staff_client, cluster):
    outsider = PersonFactory()
    former = PositionFactory(end_date=datetime.date(2021, 1, 1)).person
    url = reverse("members:cluster_edit", kwargs={"slug": cluster.slug})
    for person in (outsider, former):
        response = staff_client.post(
            url, {"description_fr": "x", "description_en": "y", "animator": person.pk}
        )
        assert response.status_code == 200
        assert "animator" in response.context["form"].errors
    cluster.refresh_from_db()
    assert cluster.description_fr == "Le cluster santé du pôle."


def test_the_animator_may_be_removed(staff_client, cluster):
    url = reverse("members:cluster_edit", kwargs={"slug": cluster.slug})
    staff_client.post(url, {"description_fr": "x", "description_en": "y", "animator": ""})
    cluster.refresh_from_db()
    assert cluster.animator is None
