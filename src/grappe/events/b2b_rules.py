"""Who may do what with B2B meetings: profiles, requests, agendas, slot plans, scheduling.

A *participant* is a user whose person holds a confirmed registration at the event. A
participant sees the catalogue of the event's listed participants and their profiles, but
only its own requests and agenda; the staff see and manage everything.
"""

import rules

from grappe.events.choices import RegistrationStatus
from grappe.events.models import B2BProfile, Event, MeetingRequest, Registration
from grappe.members.rules import is_pole_staff

can_manage_meetings = is_pole_staff


def participant_registration(user, event: Event | None) -> Registration | None:
    """The user's confirmed registration at the event, if any."""
    if event is None or not (user and user.is_authenticated):
        return None
    return (
        Registration.objects.filter(
            event=event, person__user=user, status=RegistrationStatus.CONFIRMED
        )
        .select_related("organisation", "person")
        .first()
    )


def _owns(user, profile: B2BProfile | None) -> bool:
    if profile is None or not (user and user.is_authenticated):
        return False
    registration = profile.registration
    return registration.person_id is not None and registration.person.user_id == user.pk


@rules.predicate
def is_participant(user, event: Event | None) -> bool:
    return bool(event is not None and event.b2b_enabled and participant_registration(user, event))


@rules.predicate
def owns_profile(user, profile: B2BProfile | None) -> bool:
    return _owns(user, profile)


@rules.predicate
def is_fellow_participant(user, profile: B2BProfile | None) -> bool:
    """The profile is listed and the user takes part in the same event."""
    if profile is None or not profile.is_listed:
        return False
    return is_participant(user, profile.registration.event)


@rules.predicate
def is_requester(user, request: MeetingRequest | None) -> bool:
    return request is not None and _owns(user, request.requester)


@rules.predicate
def is_recipient(user, request: MeetingRequest | None) -> bool:
    return request is not None and _owns(user, request.recipient)


rules.add_perm("events.manage_meetings", can_manage_meetings)
rules.add_perm("events.take_part_in_meetings", is_participant)
rules.add_perm(
    "events.view_b2b_profile", can_manage_meetings | owns_profile | is_fellow_participant
)
rules.add_perm("events.edit_b2b_profile", can_manage_meetings | owns_profile)
rules.add_perm("events.view_meeting_request", can_manage_meetings | is_requester | is_recipient)
rules.add_perm("events.answer_meeting_request", is_recipient)
rules.add_perm("events.withdraw_meeting_request", is_requester)
