"""The label letter's background work: a thin task that takes the letter's id."""

from django_tasks import task

from grappe.labelling.services.letter_delivery import deliver_label_letter


@task()
def send_label_letter(letter_id: int) -> int:
    """E-mail the letter's PDF to the lead's contacts; the number of e-mails sent."""
    return deliver_label_letter(letter_id=letter_id)
