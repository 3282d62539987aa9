"""Forms of the experts' pool page: add a user to the pool, invite a new external expert."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.core.models import User

EXPERTISE_HELP = _("For example: implantable medical devices, watchmaking, space optics.")


class RegisterExpertForm(BootstrapForm, forms.Form):
    """A login found by the search, outside the pool, with a line on its expertise."""

    user = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True, labelling_expert__isnull=True),
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _("Choose a user among the search results."),
            "required": _("Choose a user among the search results."),
        },
    )
    expertise = forms.CharField(
        label=_("Expertise"), required=False, max_length=300, help_text=EXPERTISE_HELP
    )


class InviteExpertForm(BootstrapForm, forms.Form):
    """A new external expert: the service opens their login and sends the invitation."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    expertise = forms.CharField(
        label=_("Expertise"), required=False, max_length=300, help_text=EXPERTISE_HELP
    )
