import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from grappe.core.models import ActivityLog
from grappe.events.models import B2BProfile, Event, Meeting, MeetingRequest, Registration
from grappe.members.models import (
    Affiliation,
    Cluster,
    ClusterMembership,
    FeeRate,
    Membership,
    Organisation,
    Partnership,
    Person,
    Position,
)

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def snapshot() -> dict:
    """What the demo wrote, with the update times that a second write would change."""
    return {
        "organisations": list(
            Organisation.objects.order_by("slug").values_list(
                "slug", "siret", "city", "name", "description_fr", "updated_at"
            )
        ),
        "people": list(
            Person.objects.order_by("email").values_list(
                "email", "phone", "job_title", "directory_consent", "user_id", "updated_at"
            )
        ),
        "affiliations": list(
            Affiliation.objects.order_by("person__email", "organisation__slug").values_list(
                "person__email", "organisation__slug", "role"
            )
        ),
        "memberships": list(
            Membership.objects.order_by("organisation__slug", "year").values_list(
                "organisation__slug", "year", "status", "fee", "invoiced_on", "paid_on",
                "updated_at",
            )
        ),
        "positions": list(
            Position.objects.order_by("person__email", "start_date").values_list(
                "person__email", "body", "role", "start_date", "end_date", "organisation__slug"
            )
        ),
        "clusters": list(
            ClusterMembership.objects.order_by("cluster__slug", "organisation__slug").values_list(
                "cluster__slug", "organisation__slug", "joined_on"
            )
        ),
        "events": list(
            Event.objects.order_by("slug").values_list(
                "slug", "seats_taken", "agendas_published_at", "updated_at"
            )
        ),
        "registrations": list(
            Registration.objects.order_by("event__slug", "email").values_list(
                "event__slug", "email", "status", "checked_in_at", "updated_at"
            )
        ),
        "meetings": list(
            Meeting.objects.order_by("pk").values_list("pk", "slot_id", "table", "published_at")
        ),
        "counts": {
            model.__name__: model.objects.count()
            for model in (FeeRate, Cluster, Partnership, B2BProfile, MeetingRequest)
        },
    }  # fmt: skip


class DemoRuns:
    def __init__(self):
        self.first_output = ""
        self.first = self.second = None
        self.last_log_id = 0


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo built twice in one transaction, rolled back after the module's tests."""
    runs = DemoRuns()
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        out = io.StringIO()
        call_command("demo", stdout=out)
        runs.first_output = out.getvalue()
        runs.first = snapshot()
        runs.last_log_id = ActivityLog.objects.order_by("-id").values_list("id", flat=True)[0]
        call_command("demo", quiet=True, stdout=io.StringIO())
        runs.second = snapshot()
        yield runs
        transaction.set_rollback(True)
