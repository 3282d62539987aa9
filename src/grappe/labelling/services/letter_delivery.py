"""Sending a label letter to the lead organisation's contacts (run by letter_tasks).

Apart from `grappe.labelling.services.letters`, which queues this work, so that the task
module depends on this one and not on the module that queues it.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.labelling.letters import letter_filename, letter_for_rendering, render_letter_pdf
from grappe.labelling.models import LabelLetter
from grappe.labelling.notifications import lead_contact_emails

logger = logging.getLogger(__name__)

EMAIL_TEMPLATE = "labelling/email/label_letter.txt"


def deliver_label_letter(*, letter_id: int) -> int:
    """E-mail the letter's PDF to the lead's contacts, then record when it was sent.

    Returns the number of e-mails sent: 0 when the letter was sent already (a task run
    twice sends it once) or when the lead organisation has no contact with an e-mail address.
    The PDF is drawn and the e-mail sent outside any transaction; only the record is written
    in one.
    """
    letter = letter_for_rendering(letter_id)
    if letter.sent_at is not None:
        return 0
    application = letter.application
    recipients = lead_contact_emails(application)
    if not recipients:
        logger.warning(
            "Label letter %s not sent: the lead organisation has no contact with an e-mail.",
            letter.number,
        )
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Label letter %(number)s: %(acronym)s") % {
            "number": letter.number,
            "acronym": application.project.acronym,
        }
        body = render_to_string(
            EMAIL_TEMPLATE,
            {
                "letter": letter,
                "project": application.project,
                "call": application.call,
                "pole": settings.GRAPPE_POLE_NAME,
            },
        )
    message = EmailMessage(f"[{settings.GRAPPE_POLE_SHORT_NAME}] {subject}", body, to=recipients)
    message.attach(letter_filename(letter), render_letter_pdf(letter), "application/pdf")
    sent = message.send()
    record_letter_sent(letter=letter, recipients=recipients)
    return sent


@transaction.atomic
def record_letter_sent(*, letter: LabelLetter, recipients: list[str]) -> LabelLetter:
    """Note that the letter went out now, to these addresses."""
    letter.sent_at = timezone.now()
    letter.save(update_fields=["sent_at"])
    log_activity(
        actor=None,
        action="labelling.letter.sent",
        target=letter,
        data={"to": recipients},
    )
    return letter
