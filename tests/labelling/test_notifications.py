"""The e-mails of each step, queued once the change is committed."""

from decimal import Decimal

import pytest
from django.core import mail

from grappe.labelling import services
from grappe.labelling.choices import Funder, Status
from grappe.labelling.notifications import lead_contact_emails
from grappe.labelling.services import IllegalTransition
from tests.factories import AffiliationFactory, PersonFactory, StaffUserFactory
from tests.labelling.conftest import before_committee, move, today

pytestmark = pytest.mark.django_db


def test_nothing_is_sent_before_the_commit(
    application, contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.transition(actor=contact, application=application, to=Status.SUBMITTED)
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_a_submission_is_acknowledged_to_the_lead_and_announced_to_the_staff(
    application, contact, staff, django_capture_on_commit_callbacks
):
    StaffUserFactory(email="other.staff@pole.example")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(actor=contact, application=application, to=Status.SUBMITTED)
    to_lead, to_staff = mail.outbox
    assert to_lead.to == [contact.email]
    assert to_lead.subject == "[PMT] Application MICROVALVE received"
    assert "PSPC-Régions 2026" in to_lead.body
    assert to_staff.to == ["other.staff@pole.example", "staff@pole.example"]
    assert "New application: MICROVALVE" in to_staff.subject


def test_a_refused_move_sends_nothing(application, contact, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(IllegalTransition):
        services.transition(actor=contact, application=application, to=Status.LABELLED)
    assert mail.outbox == []


def test_the_decision_and_its_reservations_go_to_the_lead(
    application, contact, staff, experts, criteria, django_capture_on_commit_callbacks
):
    before_committee(application, staff, experts, criteria)
    meeting = services.create_meeting(actor=staff, held_on=today(), title="Comité")
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=application)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.record_decision(
            actor=staff,
            item=item,
            decision=Status.LABELLED_WITH_RESERVATIONS,
            reservations="Add an end user to the consortium.",
        )
    [message] = mail.outbox
    assert message.to == [contact.email]
    assert message.subject == "[PMT] Labelling decision on MICROVALVE"
    assert "Labelled with reservations" in message.body
    assert "Add an end user to the consortium." in message.body


def test_the_funding_goes_to_the_lead_with_its_amounts(
    application, contact, staff, lead, django_capture_on_commit_callbacks
):
    move(application, Status.LABELLED)
    partner = application.project.partners.get(organisation=lead)
    with django_capture_on_commit_callbacks(execute=True):
        services.record_funding(
            actor=staff, application=application, lines=[(partner, Funder.ANR, Decimal("1500"))]
        )
    [message] = mail.outbox
    assert "Funding of MICROVALVE" in message.subject
    assert "1500.00 EUR (ANR)" in message.body


def test_other_steps_tell_the_lead(application, contact, staff, django_capture_on_commit_callbacks):
    move(application, Status.FUNDED)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(
            actor=staff, application=application, to=Status.IN_PROGRESS, reason="Kick-off held."
        )
    [message] = mail.outbox
    assert message.subject == "[PMT] MICROVALVE: In progress"
    assert "Kick-off held." in message.body


def test_the_lead_contacts_are_those_with_a_login_or_the_main_contacts(application, lead, contact):
    AffiliationFactory(
        organisation=lead, person=PersonFactory(email="main@lead.example"), is_main_contact=True
    )
    AffiliationFactory(organisation=lead, person=PersonFactory(email="quiet@lead.example"))
    assert lead_contact_emails(application) == [contact.email, "main@lead.example"]


def test_an_answer_to_the_reservations_goes_to_the_staff(
    application, contact, staff, django_capture_on_commit_callbacks
):
    move(application, Status.LABELLED_WITH_RESERVATIONS, reservations="Add an end user.")
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_reservations(
            actor=contact, application=application, answer="Hospital X joins."
        )
    [message] = mail.outbox
    assert message.to == [staff.email]
    assert "Add an end user." in message.body
    assert "Hospital X joins." in message.body
