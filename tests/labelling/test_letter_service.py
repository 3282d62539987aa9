"""Issuing a label letter: only for a labelled application, once, signed by the president in
office, logged, and sent to the lead's contacts with its PDF once the change is committed."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from grappe.core.models import ActivityLog
from grappe.labelling.choices import Status
from grappe.labelling.models import LabelLetter
from grappe.labelling.services.letter_delivery import deliver_label_letter
from grappe.labelling.services.letters import issue_label_letter
from grappe.members.models import Affiliation
from tests.factories import AffiliationFactory, PersonFactory, StaffUserFactory
from tests.labelling.letter_factories import (
    labelled_application,
    president_in_office,
    require_pdf_rendering,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def president():
    return president_in_office()


@pytest.fixture
def pdf():
    require_pdf_rendering()


@pytest.mark.parametrize("status", [Status.LABELLED, Status.LABELLED_WITH_RESERVATIONS])
def test_a_labelled_application_gets_a_dated_letter_signed_by_the_president(president, status):
    staff = StaffUserFactory()
    application = labelled_application(status=status)
    letter = issue_label_letter(actor=staff, application=application)
    today = timezone.localdate()
    assert letter.application == application
    assert letter.issued_on == today
    assert letter.number == f"PMT-{today.year}-001"
    assert letter.signatory == "Laurent Deschamps"
    assert letter.sent_at is None  # nothing is sent before the transaction commits
    entry = ActivityLog.objects.get(action="labelling.letter.issued")
    assert (entry.actor, entry.object_id) == (staff, str(letter.pk))
    assert entry.data == {"application": application.pk, "number": letter.number}


def test_issuing_twice_returns_the_same_letter(president, django_capture_on_commit_callbacks):
    application = labelled_application()
    with django_capture_on_commit_callbacks() as callbacks:
        first = issue_label_letter(actor=None, application=application)
        second = issue_label_letter(actor=None, application=application)
    assert second == first
    assert LabelLetter.objects.count() == 1
    assert ActivityLog.objects.filter(action="labelling.letter.issued").count() == 1
    assert len(callbacks) == 1  # one e-mail queued


@pytest.mark.parametrize(
    "status",
    [
        Status.DRAFT,
        Status.SUBMITTED,
        Status.UNDER_REVIEW,
        Status.COMMITTEE,
        Status.NOT_LABELLED,
        Status.DEFERRED,
        Status.FUNDED,
    ],
)
def test_an_application_without_a_fresh_label_is_refused(
    president, status, django_capture_on_commit_callbacks
):
    application = labelled_application(status=status)
    with (
        translation.override("en"),
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(ValidationError) as refused,
    ):
        issue_label_letter(actor=None, application=application)
    assert refused.value.code == "not_labelled"
    assert "only for a labelled application" in refused.value.messages[0]
    assert str(Status(status).label) in refused.value.messages[0]
    assert not LabelLetter.objects.exists()
    assert not ActivityLog.objects.exists()
    assert callbacks == []


def test_without_a_president_in_office_no_letter_is_issued(django_capture_on_commit_callbacks):
    president_in_office(
        "Jean",
        "Ancien",
        start_date=datetime.date(2014, 7, 1),
        end_date=datetime.date(2020, 7, 1),
    )
    application = labelled_application()
    with (
        translation.override("en"),
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(ValidationError) as refused,
    ):
        issue_label_letter(actor=None, application=application)
    assert refused.value.code == "no_president"
    assert refused.value.messages == [
        "The pôle has no president in office to sign the label letter."
    ]
    assert not LabelLetter.objects.exists()
    assert callbacks == []


def test_the_letter_is_mailed_with_its_pdf_to_the_lead_contacts(
    president, pdf, django_capture_on_commit_callbacks
):
    application = labelled_application()
    lead = application.project.lead
    main_contact = Affiliation.objects.get(organisation=lead).person
    # A second contact who does not use Grappe and is not a main contact hears nothing.
    AffiliationFactory(organisation=lead, person=PersonFactory(email="silent@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        letter = issue_label_letter(actor=None, application=application)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [main_contact.email]
    assert letter.number in message.subject
    assert application.project.acronym in message.subject
    assert letter.number in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == (f"{letter.number}.pdf", "application/pdf")
    assert content.startswith(b"%PDF")
    letter.refresh_from_db()
    assert letter.sent_at is not None
    sent = ActivityLog.objects.get(action="labelling.letter.sent")
    assert (sent.object_id, sent.data) == (str(letter.pk), {"to": [main_contact.email]})


def test_a_letter_is_mailed_once(president, pdf, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        letter = issue_label_letter(actor=None, application=labelled_application())
    assert deliver_label_letter(letter_id=letter.pk) == 0  # the task run a second time
    assert len(mail.outbox) == 1


def test_a_lead_without_contacts_gets_no_mail_and_the_letter_stays_unsent(
    president, django_capture_on_commit_callbacks
):
    application = labelled_application()
    Affiliation.objects.filter(organisation=application.project.lead).delete()
    with django_capture_on_commit_callbacks(execute=True):
        letter = issue_label_letter(actor=None, application=application)
    assert mail.outbox == []
    letter.refresh_from_db()
    assert letter.sent_at is None
