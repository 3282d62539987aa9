import pytest
from django.core import mail

from grappe.labelling import services
from grappe.labelling.choices import Status
from tests.factories import CommitteeMeetingFactory
from tests.labelling.conftest import before_committee

pytestmark = pytest.mark.django_db


def test_a_project_goes_from_draft_to_labelled(
    project, application, contact, staff, experts, criteria, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(actor=contact, application=application, to=Status.SUBMITTED)
    assert application.status == Status.SUBMITTED
    assert len(mail.outbox) == 2
    before_committee(application, staff, experts, criteria)
    meeting = CommitteeMeetingFactory(members=[staff])
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=application)
    services.record_decision(actor=staff, item=item, decision=Status.LABELLED)
    application.refresh_from_db()
    assert application.status == Status.LABELLED
