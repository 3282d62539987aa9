"""Factories of events and registrations, shared by the events tests (registrations, B2B)."""

import datetime
import secrets
from decimal import Decimal

import factory
from django.db.models import F
from django.utils import timezone
from factory.django import DjangoModelFactory

from grappe.events.choices import Audience, EventKind, RegistrationStatus
from grappe.events.models import Event, Registration


def in_days(days: int, hour: int = 9) -> datetime.datetime:
    """An aware datetime `days` from today at `hour` o'clock (local time)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventFactory(DjangoModelFactory):
    """A public workshop in a month, 30 seats with a waiting list, registration open now."""

    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"atelier-{n}")
    kind = EventKind.WORKSHOP
    title_fr = factory.Sequence(lambda n: f"Atelier usinage de précision {n}")
    title_en = factory.Sequence(lambda n: f"Precision machining workshop {n}")
    description_fr = "Une matinée pour partager les bonnes pratiques."
    description_en = "A morning to share good practice."
    starts_at = factory.LazyFunction(lambda: in_days(30, 9))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))
    venue = "TEMIS Innovation"
    address = "18 rue Alain Savary"
    city = "Besançon"
    capacity = 30
    has_waiting_list = True
    price_member = Decimal("0.00")
    price_non_member = Decimal("50.00")
    audience = Audience.PUBLIC
    registration_opens_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=7)
    )
    registration_closes_at = factory.LazyAttribute(
        lambda o: o.starts_at - datetime.timedelta(hours=1)
    )


class RegistrationFactory(DjangoModelFactory):
    """A confirmed non-member registration. Build registrations in tests through the services
    when the seat count matters: this factory keeps `event.seats_taken` in step for confirmed
    ones only by an explicit update (see `_count_seat`)."""

    class Meta:
        model = Registration
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    first_name = factory.Sequence(lambda n: f"Claude{n}")
    last_name = factory.Sequence(lambda n: f"Girard{n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    organisation_name = "Horlogerie Comtoise"
    is_member = False
    status = RegistrationStatus.CONFIRMED
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    confirmed_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == RegistrationStatus.CONFIRMED else None
    )
    waiting_since = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == RegistrationStatus.WAITING else None
    )
    cancelled_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == RegistrationStatus.CANCELLED else None
    )

    @factory.post_generation
    def _count_seat(obj, create, extracted, **kwargs):
        """A confirmed registration takes a seat, as the services count it."""
        if create and obj.status == RegistrationStatus.CONFIRMED:
            Event.objects.filter(pk=obj.event_id).update(seats_taken=F("seats_taken") + 1)
            obj.event.refresh_from_db(fields=["seats_taken"])


class MemberRegistrationFactory(RegistrationFactory):
    """A confirmed registration of a member's contact: pass `person` and `organisation`."""

    person = None
    organisation = None
    is_member = True
    organisation_name = ""
    first_name = factory.LazyAttribute(lambda o: o.person.first_name if o.person else "Dominique")
    last_name = factory.LazyAttribute(lambda o: o.person.last_name if o.person else "Faivre")
    email = factory.LazyAttribute(
        lambda o: o.person.email if o.person and o.person.email else f"{o.last_name}@example.org"
    )
