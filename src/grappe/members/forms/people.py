"""Forms of the people pages: a person's details and consents, and their role when added."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.members.choices import ContactRole
from grappe.members.models import Person
from grappe.members.services import PERSON_FIELDS
from grappe.members.validators import validate_phone


def _model_field(name: str, **kwargs) -> forms.Field:
    return Person._meta.get_field(name).formfield(**kwargs)


class PersonForm(BootstrapForm, forms.Form):
    """A person's details and GDPR consents; the e-mail's uniqueness is the service's check."""

    first_name = _model_field("first_name")
    last_name = _model_field("last_name")
    email = _model_field("email")
    phone = _model_field(
        "phone",
        validators=[validate_phone],
        help_text=_("French numbers may be written nationally, for example 03 81 00 00 00."),
    )
    job_title = _model_field("job_title")
    directory_consent = _model_field(
        "directory_consent",
        help_text=_("Name, e-mail and phone are shown to everyone, the public included."),
    )
    newsletter_opt_in = _model_field("newsletter_opt_in")

    @staticmethod
    def initial_for(person: Person) -> dict:
        return {name: getattr(person, name) for name in PERSON_FIELDS}

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in PERSON_FIELDS}


class NewContactForm(PersonForm):
    """A new person added to an organisation, with their role in it."""

    role = forms.ChoiceField(label=_("Role"), choices=ContactRole.choices)
