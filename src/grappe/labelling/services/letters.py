"""Issuing the label letter of a labelled application.

`issue_label_letter` numbers, dates and signs the letter, logs it, and once the transaction
commits queues the e-mail that sends its PDF to the lead's contacts
(`grappe.labelling.letter_tasks`). The PDF itself is drawn on demand by
`grappe.labelling.letters.render_letter_pdf`.

Callers (views, API, commands) check who may issue a letter; the service checks the data.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.labelling import letter_tasks
from grappe.labelling.choices import Status
from grappe.labelling.letters import next_letter_number
from grappe.labelling.models import Application, LabelLetter
from grappe.labelling.services.common import enqueue_on_commit
from grappe.members.queries import president

# The statuses in which the pôle writes the letter: right after the committee's decision.
LETTER_STATUSES = frozenset({Status.LABELLED, Status.LABELLED_WITH_RESERVATIONS})
# Two letters issued at the same moment may draw the same number; the unique constraints
# refuse the second, which draws again. A few attempts cover any real contention.
NUMBER_ATTEMPTS = 5


@transaction.atomic
def issue_label_letter(*, actor: User | None, application: Application) -> LabelLetter:
    """The application's label letter: the existing one, or a new one numbered in this year's
    sequence, dated today and signed by the president in office.

    Raises ValidationError when the application is not labelled (or labelled with
    reservations) or when the pôle has no president in office.
    """
    # Lock the application: two requests issuing its letter at once wait for each other, and
    # the second returns the first's letter.
    application = Application.objects.select_for_update().get(pk=application.pk)
    existing = LabelLetter.objects.filter(application=application).first()
    if existing is not None:
        return existing
    if application.status not in LETTER_STATUSES:
        raise ValidationError(
            _(
                "A label letter is issued only for a labelled application; this one is "
                "“%(status)s”."
            ),
            code="not_labelled",
            params={"status": Status(application.status).label},
        )
    today = timezone.localdate()
    position = president(on=today)
    if position is None:
        raise ValidationError(
            _("The pôle has no president in office to sign the label letter."),
            code="no_president",
        )
    letter = _create_numbered(
        application=application, issued_on=today, signatory=position.person.full_name
    )
    log_activity(
        actor=actor,
        action="labelling.letter.issued",
        target=letter,
        data={"application": application.pk, "number": letter.number},
    )
    enqueue_on_commit(letter_tasks.send_label_letter, letter.pk)
    return letter


def _create_numbered(
    *, application: Application, issued_on: datetime.date, signatory: str
) -> LabelLetter:
    """Insert the letter with the next free number of its year, drawing again on a clash."""
    attempts_left = NUMBER_ATTEMPTS
    while True:
        number = next_letter_number(issued_on.year)
        try:
            # A savepoint: a clash undoes this insert only, not the caller's transaction.
            with transaction.atomic():
                return LabelLetter.objects.create(
                    application=application,
                    year=number.year,
                    sequence=number.sequence,
                    number=number.number,
                    issued_on=issued_on,
                    signatory=signatory,
                )
        except IntegrityError:
            attempts_left -= 1
            if attempts_left == 0:
                raise
