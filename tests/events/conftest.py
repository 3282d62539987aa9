"""Fixtures of the events tests: staff, members' contacts, the public, an open event."""

import pytest

from tests.events.factories import EventFactory
from tests.factories import StaffUserFactory, UserFactory, member_contact


@pytest.fixture(autouse=True)
def _english(settings):
    # Messages are checked against their English msgids; e-mails use LANGUAGE_CODE.
    settings.LANGUAGE_CODE = "en"


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
