"""The forms of the account pages: log in, reset the password, name an API token."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm


class LoginForm(BootstrapForm, AuthenticationForm):
    pass


class ResetRequestForm(BootstrapForm, PasswordResetForm):
    pass


class NewPasswordForm(BootstrapForm, SetPasswordForm):
    pass


class TokenForm(BootstrapForm, forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("Say where the token is used, for example “CRM synchronisation”."),
    )
