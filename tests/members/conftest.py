"""Users and clients for the members pages: each kind of visitor the permissions tell apart."""

import pytest
from django.test import Client

from tests.factories import OrganisationFactory, UserFactory, member_contact


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    # WhiteNoise warns (an error under filterwarnings) when STATIC_ROOT does not exist,
    # which is the case before the first `collectstatic`.
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def own_organisation(member_user):
    """The organisation whose contact `member_user` is."""
    return member_user.person.organisations.get()


@pytest.fixture
def other_member_user(db):
    """The contact of another member organisation."""
    return member_contact(organisation=OrganisationFactory(name="Autre Adhérent"))


@pytest.fixture
def other_member_client(other_member_user):
    return logged_in(other_member_user)


@pytest.fixture
def outsider_user(db):
    """A logged-in user who is no organisation's contact: not a member."""
    return UserFactory(username="outsider")


@pytest.fixture
def outsider_client(outsider_user):
    return logged_in(outsider_user)


@pytest.fixture
def anonymous_client():
    return Client()
