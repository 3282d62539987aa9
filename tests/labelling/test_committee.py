"""The labelling committee: agenda, decisions, reservations, abstentions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from grappe.core.models import ActivityLog
from grappe.labelling import queries, services
from grappe.labelling.choices import Status
from grappe.labelling.models import Abstention, AgendaItem
from grappe.labelling.services import WrongState
from tests.factories import (
    AffiliationFactory,
    CapabilityFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from tests.labelling.conftest import before_committee, move, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready(application, staff, experts, criteria):
    return before_committee(application, staff, experts, criteria)


def board_member(organisation=None):
    user = UserFactory()
    if organisation is not None:
        AffiliationFactory(person=PersonFactory(user=user), organisation=organisation)
    return user


@pytest.fixture
def meeting(staff):
    return services.create_meeting(
        actor=staff, held_on=today(), title="Comité de novembre", members=[staff]
    )


def test_staff_create_a_meeting_with_its_members(staff, contact):
    member = board_member()
    meeting = services.create_meeting(
        actor=staff,
        held_on=today() + datetime.timedelta(days=10),
        title="Comité",
        location="Besançon",
        members=[member],
    )
    assert list(meeting.members.all()) == [member]
    assert list(queries.upcoming_meetings()) == [meeting]
    with pytest.raises(PermissionDenied):
        services.create_meeting(actor=contact, held_on=today(), title="Mine")
    with pytest.raises(ValidationError):
        services.create_meeting(actor=staff, held_on=today(), title="")


def test_only_an_application_before_the_committee_goes_on_the_agenda(application, staff, meeting):
    move(application, Status.UNDER_REVIEW)
    with pytest.raises(WrongState):
        services.add_to_agenda(actor=staff, meeting=meeting, application=application)
    assert not AgendaItem.objects.exists()


def test_the_agenda_is_ordered_and_an_application_waits_on_one_agenda(ready, staff, meeting):
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=ready)
    assert item.position == 1
    assert list(queries.ready_for_committee()) == []
    other = services.create_meeting(actor=staff, held_on=today(), title="Other")
    with pytest.raises(ValidationError):
        services.add_to_agenda(actor=staff, meeting=other, application=ready)


def test_the_committee_labels(ready, staff, meeting):
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=ready)
    services.record_decision(actor=staff, item=item, decision=Status.LABELLED)
    ready.refresh_from_db()
    item.refresh_from_db()
    assert ready.status == Status.LABELLED
    assert item.decision == Status.LABELLED
    assert ready.decided_at == item.decided_at
    entry = ActivityLog.objects.filter(action="labelling.application.status_changed").latest("id")
    assert entry.actor == staff
    assert entry.data["to"] == Status.LABELLED


def test_reservations_go_with_their_decision(ready, staff, meeting):
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=ready)
    with pytest.raises(ValidationError) as caught:
        services.record_decision(actor=staff, item=item, decision=Status.LABELLED_WITH_RESERVATIONS)
    assert "reservations" in caught.value.message_dict
    with pytest.raises(ValidationError):
        services.record_decision(
            actor=staff, item=item, decision=Status.LABELLED, reservations="Some"
        )
    services.record_decision(
        actor=staff,
        item=item,
        decision=Status.LABELLED_WITH_RESERVATIONS,
        reservations="Strengthen the industrial partner.",
    )
    ready.refresh_from_db()
    assert ready.status == Status.LABELLED_WITH_RESERVATIONS
    assert ready.reservations == "Strengthen the industrial partner."


def test_a_decision_is_recorded_once_and_not_before_the_meeting(ready, staff):
    future = services.create_meeting(
        actor=staff, held_on=today() + datetime.timedelta(days=7), title="Later"
    )
    item = services.add_to_agenda(actor=staff, meeting=future, application=ready)
    with pytest.raises(WrongState):
        services.record_decision(actor=staff, item=item, decision=Status.LABELLED)
    ready.refresh_from_db()
    assert ready.status == Status.COMMITTEE
    services.remove_from_agenda(actor=staff, item=item)
    past = services.create_meeting(actor=staff, held_on=datetime.date(2024, 3, 1), title="Past")
    item = services.add_to_agenda(actor=staff, meeting=past, application=ready)
    services.record_decision(actor=staff, item=item, decision=Status.NOT_LABELLED)
    ready.refresh_from_db()
    assert ready.decided_at.date() == datetime.date(2024, 3, 1)  # the meeting's day
    with pytest.raises(WrongState):
        services.record_decision(actor=staff, item=item, decision=Status.LABELLED)


def test_an_unknown_decision_is_an_error(ready, staff, meeting):
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=ready)
    with pytest.raises(ValidationError) as caught:
        services.record_decision(actor=staff, item=item, decision=Status.FUNDED)
    assert "decision" in caught.value.message_dict


def test_only_staff_record_decisions(ready, staff, contact, meeting):
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=ready)
    with pytest.raises(PermissionDenied):
        services.record_decision(actor=contact, item=item, decision=Status.LABELLED)


def test_a_deferred_application_returns_before_a_later_committee(ready, staff, meeting):
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=ready)
    services.record_decision(actor=staff, item=item, decision=Status.DEFERRED)
    services.transition(actor=staff, application=ready, to=Status.COMMITTEE)
    later = services.create_meeting(actor=staff, held_on=today(), title="Later")
    item = services.add_to_agenda(actor=staff, meeting=later, application=ready)
    services.record_decision(actor=staff, item=item, decision=Status.LABELLED)
    ready.refresh_from_db()
    assert ready.status == Status.LABELLED


def test_conflicted_members_abstain_when_the_item_is_added(
    ready, staff, partner_org, process, market
):
    partner_member = board_member(partner_org)
    rival = OrganisationFactory(name="Rival")
    CapabilityFactory(organisation=rival, term=process)
    CapabilityFactory(organisation=rival, term=market)
    rival_member = board_member(rival)
    free_member = board_member(OrganisationFactory())
    meeting = services.create_meeting(
        actor=staff,
        held_on=today(),
        title="Comité",
        members=[partner_member, rival_member, free_member, staff],
    )
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=ready)
    abstentions = {a.member: a.reason for a in item.abstentions.all()}
    assert set(abstentions) == {partner_member, rival_member}
    assert "partner" in abstentions[partner_member]
    assert "Rival" in abstentions[rival_member]


def test_a_member_added_later_abstains_at_the_latest_when_the_decision_is_recorded(
    ready, staff, meeting, partner_org
):
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=ready)
    assert not Abstention.objects.exists()
    late = board_member(partner_org)
    meeting.members.add(late)  # added without the service: the decision still catches it
    services.record_decision(actor=staff, item=item, decision=Status.LABELLED)
    assert list(item.abstentions.values_list("member", flat=True)) == [late.pk]
    # Recorded once, even when the members are set again.
    services.set_meeting_members(actor=staff, meeting=meeting, members=[staff, late])
    assert Abstention.objects.count() == 1


def test_setting_the_members_records_the_abstentions_of_undecided_items(
    ready, staff, meeting, partner_org
):
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=ready)
    member = board_member(partner_org)
    services.set_meeting_members(actor=staff, meeting=meeting, members=[staff, member])
    assert list(item.abstentions.values_list("member", flat=True)) == [member.pk]


def test_the_agenda_query_does_not_grow_with_the_items(
    ready, staff, meeting, django_assert_max_num_queries
):
    services.add_to_agenda(actor=staff, meeting=meeting, application=ready)
    with django_assert_max_num_queries(3):
        items = list(queries.meeting_agenda(meeting))
        for item in items:
            str(item.application.project.lead)
            list(item.abstentions.all())
