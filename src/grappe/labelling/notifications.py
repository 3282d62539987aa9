"""The e-mails of the labelling workflow. Each function takes ids, reads fresh data and sends;
the tasks of tasks.py call them once the change is committed.

Who hears of what:
- the lead organisation's contacts: every move of their application (submission
  acknowledged, review, committee, decision with its reservations, funding, progress);
- the staff: each new submission, each answer to the committee's reservations;
- an expert: their assignment;
- a new external expert: the invitation to choose a password.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.translation import gettext as _

from grappe.core.models import User
from grappe.labelling.choices import DECISIONS, Status
from grappe.labelling.models import Application, FundingLine, ReviewAssignment
from grappe.members.models import Affiliation

TEMPLATES = "labelling/email/"


def lead_contact_emails(application: Application) -> list[str]:
    """The lead organisation's contacts who use Grappe or are its main contacts."""
    affiliations = Affiliation.objects.filter(
        organisation_id=application.project.lead_id
    ).select_related("person__user")
    emails = []
    for affiliation in affiliations:
        person = affiliation.person
        if person.user_id is None and not affiliation.is_main_contact:
            continue
        email = person.email or (person.user.email if person.user_id else "")
        if email and email.lower() not in emails:
            emails.append(email.lower())
    return emails


def staff_emails() -> list[str]:
    users = User.objects.filter(is_staff=True, is_active=True).exclude(email="")
    return sorted({user.email.lower() for user in users})


def _link(application: Application) -> str:
    try:
        path = application.get_absolute_url()
    except NoReverseMatch:
        # An instance may run without the labelling pages (the API only): link to the site.
        path = "/"
    return settings.GRAPPE_SITE_URL + path


def _subject(text: str) -> str:
    return f"[{settings.GRAPPE_POLE_SHORT_NAME}] {text}"


def _send(subject: str, template: str, context: dict, recipients: list[str]) -> int:
    if not recipients:
        return 0
    body = render_to_string(TEMPLATES + template, {"pole": settings.GRAPPE_POLE_NAME, **context})
    return EmailMessage(_subject(subject), body, to=recipients).send()


def _application(application_id: int) -> Application:
    return Application.objects.select_related("project__lead", "call").get(pk=application_id)


def send_status_changed(application_id: int, status: str, reason: str = "") -> int:
    """Tell the right people that the application moved to `status`; the number of e-mails."""
    with translation.override(settings.LANGUAGE_CODE):
        application = _application(application_id)
        project = application.project
        context = {
            "application": application,
            "project": project,
            "status": Status(status).label,
            "reason": reason,
            "link": _link(application),
        }
        leads = lead_contact_emails(application)
        if status == Status.SUBMITTED:
            sent = _send(
                _("Application %(acronym)s received") % {"acronym": project.acronym},
                "submitted.txt",
                context,
                leads,
            )
            return sent + _send(
                _("New application: %(acronym)s") % {"acronym": project.acronym},
                "submitted_staff.txt",
                context,
                staff_emails(),
            )
        if status in DECISIONS:
            return _send(
                _("Labelling decision on %(acronym)s") % {"acronym": project.acronym},
                "decision.txt",
                context,
                leads,
            )
        if status in (Status.FUNDED, Status.NOT_FUNDED):
            lines = FundingLine.objects.filter(application=application).select_related(
                "partner__organisation"
            )
            return _send(
                _("Funding of %(acronym)s") % {"acronym": project.acronym},
                "funding.txt",
                {**context, "lines": list(lines)},
                leads,
            )
        return _send(
            _("%(acronym)s: %(status)s")
            % {"acronym": project.acronym, "status": context["status"]},
            "status_changed.txt",
            context,
            leads,
        )


def send_reservations_answered(application_id: int) -> int:
    """Tell the staff that the consortium answered the committee's reservations."""
    with translation.override(settings.LANGUAGE_CODE):
        application = _application(application_id)
        return _send(
            _("Reservations answered: %(acronym)s") % {"acronym": application.project.acronym},
            "reservations_answered.txt",
            {
                "application": application,
                "project": application.project,
                "link": _link(application),
            },
            staff_emails(),
        )


def send_expert_assigned(assignment_id: int) -> int:
    """Ask the expert to declare no conflict of interest and review the application."""
    with translation.override(settings.LANGUAGE_CODE):
        assignment = ReviewAssignment.objects.select_related(
            "expert", "application__project", "application__call"
        ).get(pk=assignment_id)
        application = assignment.application
        email = assignment.expert.email
        return _send(
            _("Review request: %(acronym)s") % {"acronym": application.project.acronym},
            "expert_assigned.txt",
            {
                "application": application,
                "project": application.project,
                "link": _link(application),
            },
            [email] if email else [],
        )


def send_expert_invitation(user_id: int) -> int:
    """Invite a new external expert to choose their password: Django's password-reset
    token, in an e-mail that says why they receive it. The number of e-mails sent."""
    user = User.objects.get(pk=user_id)
    form = PasswordResetForm({"email": user.email})
    if not form.is_valid():
        return 0
    site = urlsplit(settings.GRAPPE_SITE_URL)
    with translation.override(settings.LANGUAGE_CODE):
        form.save(
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            subject_template_name=TEMPLATES + "expert_invitation_subject.txt",
            email_template_name=TEMPLATES + "expert_invitation.txt",
            extra_email_context={
                "pole_name": settings.GRAPPE_POLE_NAME,
                "pole_short_name": settings.GRAPPE_POLE_SHORT_NAME,
            },
        )
    return len(list(form.get_users(user.email)))
