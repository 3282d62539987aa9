import pytest
from django.db import transaction

from tests.directory.relevance.dataset import load_dataset


@pytest.fixture(scope="module")
def relevance_dataset(django_db_setup, django_db_blocker):
    """The 80 organisations of the search quality test, built once per test module through
    the services, and rolled back after the module. Tests using it also need `db`."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_dataset()
        transaction.set_rollback(True)
