import pytest

from tests.factories import StaffUserFactory, member_contact


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Hashing with the production hasher makes every login in the suite slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path_factory):
    # WhiteNoise warns (an error here) when STATIC_ROOT does not exist; the suite never
    # runs collectstatic, so give it an empty directory of its own.
    root = tmp_path_factory.getbasetemp() / "static"
    root.mkdir(exist_ok=True)
    settings.STATIC_ROOT = root


@pytest.fixture
def staff_user(db):
    return StaffUserFactory(username="staff")


@pytest.fixture
def member_user(db):
    return member_contact(username="member")


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def member_client(client, member_user):
    client.force_login(member_user)
    return client
