"""Fixtures of the events tests: staff, members' contacts, the public, an open event; two
participants of the B2B meetings and an API client."""

import pytest

from grappe.core.services import create_api_token
from tests.api.conftest import ApiClient
from tests.events.b2b_factories import participant
from tests.events.factories import EventFactory
from tests.factories import StaffUserFactory, UserFactory, member_contact


@pytest.fixture(autouse=True)
def _english(settings):
    # Messages are checked against their English msgids; e-mails use LANGUAGE_CODE.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _short_time_limit(settings):
    # The scheduler stops searching after 5 s (it proves small tests optimal well before).
    settings.B2B_SCHEDULER_TIME_LIMIT = 5


@pytest.fixture
def staff(db):
    return StaffUserFactory(username="staff", email="staff@pole.example")


@pytest.fixture
def member(db):
    """A contact of a member organisation."""
    return member_contact(username="member")


@pytest.fixture
def other_member(db):
    return member_contact(username="other")


@pytest.fixture
def outsider(db):
    """A user with an account but no member organisation."""
    return UserFactory(username="outsider")


@pytest.fixture
def event(db):
    return EventFactory(
        slug="atelier-usinage",
        title_fr="Atelier usinage",
        title_en="Machining workshop",
        capacity=2,
    )


# The B2B meetings: the test modules make `event` a B2B one (tests.events.b2b_factories).


@pytest.fixture
def alice(event):
    """A participant of the event's B2B meetings, of Alpha Décolletage."""
    return participant(event, username="alice", organisation_name="Alpha Décolletage")


@pytest.fixture
def bruno(event):
    """A participant of the event's B2B meetings, of Bêta Médical."""
    return participant(event, username="bruno", organisation_name="Bêta Médical")


@pytest.fixture
def api_as(db):
    """An API client with a token of `user`, or the anonymous public for None."""

    def make(user=None) -> ApiClient:
        return ApiClient(create_api_token(user=user, name="tests").raw if user else None)

    return make
