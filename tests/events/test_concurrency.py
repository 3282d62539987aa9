"""The capacity holds under concurrent registrations: 200 requests for 50 seats at once give
exactly 50 confirmed and 150 on the waiting list.

Real concurrent requests: threads, each with its own database connection, post the
one-click registration form through Django's test client, released together by a barrier.
SQLite lets one writer in at a time, so only PostgreSQL puts the database constraint to the
test; CI runs the suite on PostgreSQL too.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from grappe.core.models import User
from grappe.events.choices import RegistrationStatus
from grappe.events.models import Event, Registration
from grappe.members.choices import ContactRole
from grappe.members.models import Affiliation, Person
from tests.events.factories import EventFactory
from tests.factories import MembershipFactory, OrganisationFactory

REQUESTS = 200
SEATS = 50
# Connections open at once; PostgreSQL's default limit is 100, shared with other test runs.
THREADS = 40

pytestmark = pytest.mark.django_db(transaction=True)


def member_contacts(count: int) -> list[User]:
    """`count` contacts of one member organisation, made in a few queries."""
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation)
    users = User.objects.bulk_create(
        User(username=f"rush{n}", email=f"rush{n}@example.org") for n in range(count)
    )
    people = Person.objects.bulk_create(
        Person(user=user, first_name="Rush", last_name=f"N{n}", email=user.email)
        for n, user in enumerate(users)
    )
    Affiliation.objects.bulk_create(
        Affiliation(person=person, organisation=organisation, role=ContactRole.EXECUTIVE)
        for person in people
    )
    return users


def test_200_concurrent_registrations_for_50_seats_confirm_exactly_50(settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: concurrent seats are tested on PostgreSQL.")
    settings.LANGUAGE_CODE = "en"
    event = EventFactory(capacity=SEATS, has_waiting_list=True)
    clients = []
    for user in member_contacts(REQUESTS):
        client = Client()
        client.force_login(user)
        clients.append(client)
    url = reverse("events:register", args=[event.slug])
    barrier = threading.Barrier(THREADS)

    def register_all(batch: list[Client]) -> list[int]:
        try:
            barrier.wait(timeout=60)
            return [client.post(url).status_code for client in batch]
        finally:
            connections.close_all()  # this thread's connection

    batches = [clients[start::THREADS] for start in range(THREADS)]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = [status for result in pool.map(register_all, batches) for status in result]

    assert statuses == [302] * REQUESTS  # every request answered, none refused or failed
    counts = {
        status: Registration.objects.filter(event=event, status=status).count()
        for status in RegistrationStatus.values
    }
    assert counts[RegistrationStatus.CONFIRMED] == SEATS
    assert counts[RegistrationStatus.WAITING] == REQUESTS - SEATS
    assert Event.objects.get(pk=event.pk).seats_taken == SEATS
