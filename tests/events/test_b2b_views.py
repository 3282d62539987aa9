"""The B2B pages through HTTP: my profile, the catalogue with search, filters, suggestions and
a bounded number of queries, requests answered with htmx, agendas (web, PDF, .ics), the staff's
slot plan, meetings, scheduling and table plan; bad input answered 4xx with the message."""

import io

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from grappe.core.models import Facet
from grappe.events.choices import Priority, RequestStatus
from grappe.events.models import B2BProfile, Meeting, MeetingRequest, MeetingSlot
from grappe.events.services.b2b_requests import accept_request, request_meeting
from grappe.events.services.b2b_scheduling import publish_agendas, run_scheduling
from tests.events.b2b_factories import b2b_event, participant, slots
from tests.factories import TermFactory
from tests.labelling.letter_factories import require_pdf_rendering

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return b2b_event(slug="micronora")


def url(name: str, event, *args) -> str:
    return reverse(f"events:{name}", args=[event.slug, *args])


def test_my_profile_is_created_on_the_first_visit_and_saved(client, event, alice):
    slot = slots(event)[0]
    process = TermFactory(code="decolletage", facet=Facet.PROCESS, label_fr="Décolletage")
    market = TermFactory(code="sante", facet=Facet.MARKET, label_fr="Santé")
    client.force_login(alice.user)
    assert client.get(url("b2b_profile", event)).status_code == 200
    response = client.post(
        url("b2b_profile", event),
        {
            "offer": "Vis et implants",
            "seek": "Clients du médical",
            "offered_process": [process.pk],
            "sought_market": [market.pk],
            "unavailable_slots": [slot.pk],
            "is_listed": "on",
        },
    )
    assert response.status_code == 302
    profile = B2BProfile.objects.get(pk=alice.profile.pk)
    assert profile.offer == "Vis et implants"
    assert list(profile.offered_terms.all()) == [process]
    assert list(profile.sought_terms.all()) == [market]
    assert list(profile.unavailable_slots.all()) == [slot]


def test_a_slot_of_another_event_is_refused_on_the_profile(client, event, alice):
    other = slots(b2b_event())[0]
    client.force_login(alice.user)
    response = client.post(url("b2b_profile", event), {"unavailable_slots": [other.pk]})
    assert response.status_code == 422
    assert not alice.profile.unavailable_slots.exists()


@pytest.mark.parametrize("page", ["b2b_profile", "b2b_catalogue", "b2b_requests", "b2b_agenda"])
def test_participant_pages_refuse_who_does_not_take_part(client, event, alice, member, page):
    assert client.get(url(page, event)).status_code == 302  # anonymous: log in first
    client.force_login(member)  # a member's contact not registered at the event
    assert client.get(url(page, event)).status_code == 403


def test_an_event_without_b2b_has_no_b2b_pages(client, alice):
    plain = b2b_event(b2b_enabled=False)
    client.force_login(alice.user)
    assert client.get(url("b2b_catalogue", plain)).status_code == 404


def test_the_catalogue_searches_filters_and_paginates_in_few_queries(
    client, event, alice, django_assert_max_num_queries
):
    process = TermFactory(code="usinage", facet=Facet.PROCESS, label_fr="Usinage")
    for index in range(25):
        someone = participant(event, organisation_name=f"Atelier {index:02d}")
        someone.profile.offered_terms.add(process)
    participant(event, organisation_name="Laboratoire Optique")
    client.force_login(alice.user)
    client.get(url("b2b_catalogue", event))  # the profile exists from now on
    with django_assert_max_num_queries(20):
        response = client.get(url("b2b_catalogue", event) + "?page=2")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 26  # alice is not listed to herself
    found = client.get(
        url("b2b_catalogue", event), {"q": "optique"}, headers={"HX-Request": "true"}
    )
    assert [p.registration.organisation_display for p in found.context["page_obj"]] == [
        "Laboratoire Optique"
    ]
    assert b"<html" not in found.content  # the htmx partial
    filtered = client.get(url("b2b_catalogue", event), {"terme": "usinage"})
    assert filtered.context["page_obj"].paginator.count == 25


def test_suggestions_by_term_overlap_for_participants_without_organisation(
    client, event, alice, bruno
):
    need = TermFactory(code="salle_blanche", facet=Facet.PROCESS, label_fr="Salle blanche")
    alice.profile.sought_terms.add(need)
    bruno.profile.offered_terms.add(need)
    registration = bruno.profile.registration
    registration.organisation = None
    registration.organisation_name = "Bêta Médical"
    registration.save(update_fields=["organisation", "organisation_name"])
    participant(event)  # offers nothing of it
    client.force_login(alice.user)
    response = client.get(url("b2b_catalogue", event))
    suggestions = response.context["suggestions"]
    assert [s.profile.pk for s in suggestions] == [bruno.profile.pk]
    assert suggestions[0].reasons == ["Salle blanche"]


def test_a_request_through_the_pages_and_its_bad_twin(client, event, alice, bruno):
    client.force_login(alice.user)
    page = client.get(url("b2b_participant", event, bruno.profile.pk))
    assert page.context["form"] is not None
    response = client.post(
        url("b2b_request_create", event, bruno.profile.pk),
        {"message": "Bonjour", "priority": Priority.HIGH},
    )
    assert response.status_code == 302
    assert MeetingRequest.objects.get().priority == Priority.HIGH
    again = client.post(
        url("b2b_request_create", event, bruno.profile.pk),
        {"message": "Encore", "priority": Priority.HIGH},
        follow=True,
    )
    assert again.status_code == 200
    assert "already open" in again.content.decode()
    to_self = client.post(
        url("b2b_request_create", event, alice.profile.pk), {"priority": 2}, follow=True
    )
    assert "yourself" in to_self.content.decode()
    bad_priority = client.post(
        url("b2b_request_create", event, bruno.profile.pk), {"priority": 9}, follow=True
    )
    assert "Priority" in bad_priority.content.decode()
    assert MeetingRequest.objects.count() == 1


def test_a_request_to_someone_of_another_event_is_refused(client, event, alice):
    stranger = participant(b2b_event())
    client.force_login(alice.user)
    response = client.post(
        url("b2b_request_create", event, stranger.profile.pk), {"priority": 2}, follow=True
    )
    assert "does not take part" in response.content.decode()
    assert not MeetingRequest.objects.exists()
    assert client.get(url("b2b_participant", event, stranger.profile.pk)).status_code == 404


def test_the_recipient_accepts_with_htmx_and_nobody_else_may(client, event, alice, bruno):
    carla = participant(event, username="carla")
    request = request_meeting(actor=alice.user, requester=alice.profile, recipient=bruno.profile)
    accept = url("b2b_request_move", event, request.pk, "accepter")
    client.force_login(carla.user)
    assert client.post(accept).status_code == 404  # not hers: not even shown
    client.force_login(alice.user)
    assert client.post(accept).status_code == 403  # the requester cannot accept
    client.force_login(bruno.user)
    received = client.get(url("b2b_requests", event))
    assert [r.pk for r in received.context["page_obj"]] == [request.pk]
    response = client.post(accept, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'data-status="accepted"' in response.content.decode()
    assert Meeting.objects.get().weight == request.priority
    again = client.post(accept, headers={"HX-Request": "true"})
    assert again.status_code == 409


def test_each_sees_only_its_own_requests(client, event, alice, bruno):
    carla = participant(event, username="carla")
    request_meeting(actor=alice.user, requester=alice.profile, recipient=bruno.profile)
    client.force_login(carla.user)
    for view in ("recues", "envoyees"):
        response = client.get(url("b2b_requests", event), {"vue": view})
        assert list(response.context["page_obj"]) == []


@pytest.fixture
def published(event, staff, alice, bruno):
    slots(event, staff=staff)
    request = request_meeting(actor=alice.user, requester=alice.profile, recipient=bruno.profile)
    meeting = accept_request(actor=bruno.user, request=request)
    run_scheduling(actor=staff, event=event)
    publish_agendas(actor=staff, event=event)
    meeting.refresh_from_db()
    return meeting


def test_the_agenda_on_the_web_and_as_ics(client, event, alice, bruno, published):
    carla = participant(event, username="carla")
    client.force_login(alice.user)
    page = client.get(url("b2b_agenda", event))
    assert [e.counterpart.pk for e in page.context["placed"]] == [bruno.profile.pk]
    assert "Bêta Médical" in page.content.decode()
    ics = client.get(url("b2b_agenda_ics", event))
    assert ics["Content-Type"].startswith("text/calendar")
    entries = list(Calendar.from_ical(ics.content).walk("VEVENT"))
    assert len(entries) == 1
    assert "Bêta Médical" in str(entries[0]["SUMMARY"])
    assert entries[0].decoded("DTSTART") == published.slot.starts_at
    # Another participant's agenda holds nothing of theirs.
    client.force_login(carla.user)
    assert client.get(url("b2b_agenda", event)).context["placed"] == []
    assert b"VEVENT" not in client.get(url("b2b_agenda_ics", event)).content


def test_the_agenda_pdf(client, event, alice, published):
    require_pdf_rendering()
    client.force_login(alice.user)
    response = client.get(url("b2b_agenda_pdf", event))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Bêta Médical" in text
    assert f"{published.table}" in text


def test_without_pdf_rendering_the_agenda_and_the_plan_say_what_to_install(
    client, event, alice, staff, published, monkeypatch
):
    monkeypatch.setattr("grappe.core.pdf.weasyprint", None)
    for user, page in ((alice.user, "b2b_agenda_pdf"), (staff, "b2b_table_plan_pdf")):
        client.force_login(user)
        response = client.get(url(page, event))
        assert response.status_code == 503
        assert "libpango-1.0-0" in response.content.decode()


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize(
    "page", ["b2b_slots", "b2b_meetings", "b2b_scheduling", "b2b_table_plan", "b2b_publish"]
)
def test_staff_pages_refuse_participants_and_members(client, event, alice, member, staff, page):
    assert client.get(url(page, event)).status_code == 302
    for user in (alice.user, member):
        client.force_login(user)
        assert client.get(url(page, event)).status_code == 403
    client.force_login(staff)
    assert client.get(url(page, event)).status_code == 200


def test_staff_posts_are_refused_to_participants(client, event, alice):
    client.force_login(alice.user)
    assert client.post(url("b2b_scheduling_run", event)).status_code == 403
    assert client.post(url("b2b_publish", event)).status_code == 403
    assert client.post(url("b2b_slots", event), {}).status_code == 403


def test_the_slot_form_generates_slots_and_refuses_bad_plans(client, event, staff):
    client.force_login(staff)
    day = event.starts_at.date().isoformat()
    good = {
        "session": "matin",
        "day": day,
        "starts": "09:00",
        "ends": "12:30",
        "meeting_minutes": 20,
        "pause_minutes": 0,
        "tables": 10,
    }
    assert client.post(url("b2b_slots", event), good).status_code == 302
    assert MeetingSlot.objects.count() == 10
    overlap = client.post(url("b2b_slots", event), good | {"starts": "12:00", "ends": "13:00"})
    assert overlap.status_code == 422
    assert "overlaps" in overlap.content.decode()
    zero = client.post(
        url("b2b_slots", event), good | {"starts": "14:00", "ends": "17:30", "tables": 0}
    )
    assert zero.status_code == 422
    assert "at least one table" in zero.content.decode()
    backwards = client.post(url("b2b_slots", event), good | {"starts": "17:30", "ends": "14:00"})
    assert backwards.status_code == 422
    assert "end after it starts" in backwards.content.decode()
    assert MeetingSlot.objects.count() == 10


def test_tables_per_slot_edited_and_zero_refused(client, event, staff):
    created = slots(event, staff=staff)
    client.force_login(staff)
    data = {f"tables_{slot.pk}": 4 for slot in created}
    assert client.post(url("b2b_slot_tables", event), data).status_code == 302
    assert set(MeetingSlot.objects.values_list("tables", flat=True)) == {4}
    response = client.post(url("b2b_slot_tables", event), data | {f"tables_{created[1].pk}": 0})
    assert response.status_code == 422
    assert "at least one table" in response.content.decode()
    assert set(MeetingSlot.objects.values_list("tables", flat=True)) == {4}


def test_removing_slots_asks_for_confirmation(client, event, staff):
    created = slots(event, staff=staff)
    client.force_login(staff)
    ask = client.post(url("b2b_slot_remove", event), {"slots": [created[0].pk]})
    assert ask.status_code == 200
    assert MeetingSlot.objects.count() == 4
    done = client.post(url("b2b_slot_remove", event), {"slots": [created[0].pk], "confirm": "1"})
    assert done.status_code == 302
    assert MeetingSlot.objects.count() == 3


def test_schedule_then_publish_after_confirmation(client, event, staff, alice, bruno):
    slots(event, staff=staff)
    request = request_meeting(actor=alice.user, requester=alice.profile, recipient=bruno.profile)
    accept_request(actor=bruno.user, request=request)
    client.force_login(staff)
    assert client.post(url("b2b_scheduling_run", event)).status_code == 302
    page = client.get(url("b2b_scheduling", event))
    assert page.context["run"].meetings_scheduled == 1
    assert client.get(url("b2b_publish", event)).status_code == 200  # the confirmation
    event.refresh_from_db()
    assert event.agendas_published_at is None
    assert client.post(url("b2b_publish", event)).status_code == 302
    event.refresh_from_db()
    assert event.agendas_published_at is not None


def test_staff_add_a_meeting_and_a_bad_one_is_refused(client, event, staff, alice, bruno):
    client.force_login(staff)
    data = {"first": alice.profile.pk, "second": bruno.profile.pk, "weight": 2}
    assert client.post(url("b2b_meeting_add", event), data).status_code == 302
    same = client.post(url("b2b_meeting_add", event), data | {"second": alice.profile.pk})
    assert same.status_code == 422
    assert "yourself" in same.content.decode()
    twice = client.post(url("b2b_meeting_add", event), data)
    assert twice.status_code == 422
    assert "already have a meeting" in twice.content.decode()
    assert Meeting.objects.count() == 1


def test_the_meetings_list_in_few_queries(client, event, staff, django_assert_max_num_queries):
    people = [participant(event) for _ in range(12)]
    for a, b in zip(people[::2], people[1::2], strict=True):
        accept_request(
            actor=b.user,
            request=request_meeting(actor=a.user, requester=a.profile, recipient=b.profile),
        )
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        response = client.get(url("b2b_meetings", event))
    assert response.context["page_obj"].paginator.count == 6


def test_a_participant_cancels_a_meeting_after_confirmation(client, event, alice, bruno):
    carla = participant(event, username="carla")
    meeting = accept_request(
        actor=bruno.user,
        request=request_meeting(actor=alice.user, requester=alice.profile, recipient=bruno.profile),
    )
    cancel = url("b2b_meeting_cancel", event, meeting.pk)
    client.force_login(carla.user)
    assert client.get(cancel).status_code == 404
    client.force_login(alice.user)
    assert client.get(cancel).status_code == 200
    assert client.post(cancel).status_code == 302
    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None
    assert meeting.request.status == RequestStatus.WITHDRAWN


def test_the_table_plan_print_view(client, event, staff, published, django_assert_max_num_queries):
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        response = client.get(url("b2b_table_plan", event))
    assert "Alpha Décolletage" in response.content.decode()
    assert "Bêta Médical" in response.content.decode()


def test_the_table_plan_pdf(client, event, staff, published):
    require_pdf_rendering()
    client.force_login(staff)
    response = client.get(url("b2b_table_plan_pdf", event))
    text = pdf_text(response.content)
    assert "Alpha Décolletage" in text


def test_the_event_block_links_by_role(rf, event, staff, alice, member):
    request = rf.get("/")

    def block(user) -> str:
        request.user = user
        return render_to_string("events/b2b_event_block.html", {"event": event}, request=request)

    assert url("b2b_agenda", event) in block(alice.user)
    assert url("b2b_slots", event) not in block(alice.user)
    assert url("b2b_scheduling", event) in block(staff)
    assert url("b2b_agenda", event) not in block(member)  # not registered: no links


def test_the_event_page_shows_the_block(client, event, alice):
    client.force_login(alice.user)
    response = client.get(event.get_absolute_url())
    assert url("b2b_catalogue", event) in response.content.decode()


def test_my_requests_and_agenda_in_few_queries(
    client, event, staff, alice, django_assert_max_num_queries
):
    slots(event, staff=staff, tables=5)
    others = [participant(event) for _ in range(8)]
    for other in others:
        request = request_meeting(
            actor=other.user, requester=other.profile, recipient=alice.profile
        )
        if other is not others[-1]:
            accept_request(actor=alice.user, request=request)
    run_scheduling(actor=staff, event=event)
    publish_agendas(actor=staff, event=event)
    client.force_login(alice.user)
    client.get(url("b2b_agenda", event))
    with django_assert_max_num_queries(15):
        requests_page = client.get(url("b2b_requests", event))
    assert requests_page.context["page_obj"].paginator.count == 8
    # A fixed number: the counterparts and their terms come in one query each.
    with django_assert_max_num_queries(20):
        agenda = client.get(url("b2b_agenda", event))
    assert len(agenda.context["placed"]) + len(agenda.context["waiting"]) == 7
