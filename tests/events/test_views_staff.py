"""The staff's pages: the events list, the event form, registrations, attendance, CSV."""

import csv
import io

import pytest
from django.urls import reverse

from grappe.core.models import ActivityLog
from grappe.events import services
from grappe.events.choices import EventKind, RegistrationStatus
from grappe.events.models import Event
from tests.events.factories import EventFactory, RegistrationFactory, in_days
from tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db


def test_only_the_staff_manage(client, member, event):
    urls = [
        reverse("events:staff_list"),
        reverse("events:create"),
        reverse("events:edit", args=[event.slug]),
        reverse("events:registrations", args=[event.slug]),
        reverse("events:registrations_csv", args=[event.slug]),
        reverse("events:check_in", args=[event.slug]),
    ]
    client.force_login(member)
    for url in urls:
        assert client.get(url).status_code == 403, url


FORM = {
    "kind": EventKind.TRAINING,
    "title_fr": "Formation salle blanche",
    "title_en": "Clean room training",
    "description_fr": "Les bases.",
    "starts_at": "2030-05-12T09:00",
    "ends_at": "2030-05-12T17:00",
    "venue": "TEMIS",
    "city": "Besançon",
    "capacity": "12",
    "has_waiting_list": "on",
    "price_member": "0",
    "price_non_member": "350.50",
    "audience": "members",
    "registration_closes_at": "2030-05-10T18:00",
}


def test_the_staff_create_an_event_with_every_field(client, staff):
    cluster = ClusterFactory(name="INNOV'HEALTH")
    client.force_login(staff)
    response = client.post(reverse("events:create"), {**FORM, "cluster": cluster.pk})
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.slug == "formation-salle-blanche"
    assert event.title_en == "Clean room training"
    assert str(event.price_non_member) == "350.50"
    assert event.cluster == cluster
    assert event.is_members_only
    assert event.capacity == 12
    assert ActivityLog.objects.filter(action="events.event.created").count() == 1


def test_the_event_form_names_the_field_in_error(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("events:create"),
        {**FORM, "ends_at": "2030-05-12T08:00", "registration_closes_at": "2030-05-13T08:00"},
    )
    assert response.status_code == 422
    assert "ends_at" in response.context["form"].errors
    response = client.post(reverse("events:create"), {**FORM, "capacity": "0"})
    assert response.status_code == 422
    assert "capacity" in response.context["form"].errors
    assert not Event.objects.exists()


def test_the_staff_edit_an_event(client, staff, event):
    client.force_login(staff)
    form = client.get(reverse("events:edit", args=[event.slug])).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
        data[name] = form[name].value().strftime("%Y-%m-%dT%H:%M")
    data["has_waiting_list"] = "on"
    data["title_en"] = "Renamed"
    response = client.post(reverse("events:edit", args=[event.slug]), data)
    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert event.title_en == "Renamed"


def test_the_list_filters_and_counts_with_a_fixed_number_of_queries(
    client, staff, django_assert_max_num_queries
):
    cluster = ClusterFactory(slug="aeromicrotech")
    for _ in range(10):
        event = EventFactory(kind=EventKind.TRAINING, cluster=cluster)
        RegistrationFactory.create_batch(2, event=event)
    EventFactory(
        kind=EventKind.WORKSHOP,
        title_en="Old one",
        starts_at=in_days(-30),
        registration_opens_at=None,
        registration_closes_at=None,
    )
    client.force_login(staff)
    with django_assert_max_num_queries(8):
        response = client.get(
            reverse("events:staff_list"),
            {"type": "training", "filiere": "aeromicrotech", "quand": "coming"},
        )
    assert response.context["page_obj"].paginator.count == 10
    response = client.get(reverse("events:staff_list"), {"quand": "past"}, HTTP_HX_REQUEST="true")
    assert "Old one" in response.content.decode()
    assert "<html" not in response.content.decode()


def test_registrations_page_figures_sorting_and_query_count(
    client, staff, django_assert_max_num_queries
):
    event = EventFactory(capacity=40)
    RegistrationFactory.create_batch(30, event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITING, last_name="Aaron")
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    checked = RegistrationFactory(event=event, last_name="Zola")
    services.check_in(actor=staff, registration=checked)
    client.force_login(staff)
    url = reverse("events:registrations", args=[event.slug])
    with django_assert_max_num_queries(10):
        response = client.get(url, {"tri": "-name"})
    figures = response.context["figures"]
    assert (figures.registered, figures.confirmed, figures.waiting, figures.cancelled) == (
        32,
        31,
        1,
        1,
    )
    assert figures.checked_in == 1
    assert figures.rate == round(100 / 31, 1)
    rows = list(response.context["page_obj"])
    assert rows[0].last_name == "Zola"
    assert len(rows) == 25  # paginated
    waiting = client.get(url, {"statut": "waiting"}).context["page_obj"]
    assert [r.last_name for r in waiting] == ["Aaron"]


def test_the_csv_export(client, staff, event):
    RegistrationFactory(event=event, last_name="Faivre", first_name="Léa")
    client.force_login(staff)
    response = client.get(reverse("events:registrations_csv", args=[event.slug]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["last_name", "first_name", "email"]
    assert rows[1][:2] == ["Faivre", "Léa"]
