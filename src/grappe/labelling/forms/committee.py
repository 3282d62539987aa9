"""Forms of the committee pages: a meeting, its members, its agenda and its decisions."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.core.models import User
from grappe.labelling.choices import DECISIONS
from grappe.labelling.forms.common import DateInput
from grappe.labelling.models import Application


def member_candidates():
    """Who may sit on the committee: the staff and the users linked to a person."""
    return (
        User.objects.filter(is_active=True)
        .filter(Q(is_staff=True) | Q(person__isnull=False) | Q(labelling_expert__isnull=False))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.get_username()


def _members_field() -> MemberChoiceField:
    return MemberChoiceField(
        label=_("Committee members"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A member with a conflict of interest on a project abstains on it."),
    )


class MeetingForm(BootstrapForm, forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    title = forms.CharField(label=_("Title"), max_length=200)
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    members = _members_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = member_candidates()
        self.fields["members"].widget.attrs["class"] = "form-check-input"


class MembersForm(BootstrapForm, forms.Form):
    members = _members_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = member_candidates()
        self.fields["members"].widget.attrs["class"] = "form-check-input"


class ApplicationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Application) -> str:
        return f"{obj.project.acronym} — {obj.project.lead.name} ({obj.call.name})"


class AgendaAddForm(BootstrapForm, forms.Form):
    application = ApplicationChoiceField(
        label=_("Application before the committee"), queryset=Application.objects.none()
    )

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications


class DecisionForm(BootstrapForm, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("", "—"), *[(value.value, value.label) for value in DECISIONS]],
    )
    reservations = forms.CharField(
        label=_("Reservations"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only with the decision “labelled with reservations”."),
    )
