"""Forms of the memberships and dues pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.members.choices import DuesCategory, HeadcountBand, MembershipStatus
from grappe.members.models import FIRST_YEAR, Organisation
from grappe.members.queries import current_year, organisation_memberships

LAST_YEAR = 2100


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _year_field(**kwargs) -> forms.IntegerField:
    return forms.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs)


def _amount_field(**kwargs) -> forms.DecimalField:
    return forms.DecimalField(min_value=0, max_digits=9, decimal_places=2, **kwargs)


class MembershipFilterForm(forms.Form):
    """The year and status of the memberships table, read from the query string."""

    annee = _year_field(label=_("Year"), required=False)
    statut = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *MembershipStatus.choices],
    )

    def year(self) -> int:
        if self.is_valid() and self.cleaned_data["annee"]:
            return self.cleaned_data["annee"]
        return current_year()

    def status(self) -> str:
        return self.cleaned_data.get("statut", "") if self.is_valid() else ""


class MembershipCreateForm(BootstrapForm, forms.Form):
    year = _year_field(label=_("Year"))
    fee = _amount_field(
        label=_("Fee (EUR, excl. VAT)"),
        required=False,
        help_text=_("Leave empty to apply the fee schedule."),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["year"].initial = current_year()

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if organisation_memberships(self.organisation).filter(year=year).exists():
            raise forms.ValidationError(
                _("%(organisation)s already has a membership for %(year)s."),
                params={"organisation": self.organisation.name, "year": year},
                code="unique",
            )
        return year


class MembershipStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MembershipStatus.choices)


class InvoiceForm(forms.Form):
    invoiced_on = forms.DateField(label=_("Invoiced on"), widget=DateInput)


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=DateInput)


class RenewForm(forms.Form):
    annee = _year_field(label=_("Year"))


class FeeRateForm(BootstrapForm, forms.Form):
    valid_from = _year_field(label=_("Valid from year"))
    dues_category = forms.ChoiceField(label=_("Dues category"), choices=DuesCategory.choices)
    headcount_band = forms.ChoiceField(
        label=_("Headcount band"),
        required=False,
        choices=[("", _("Every band of the category")), *HeadcountBand.choices],
    )
    amount = _amount_field(label=_("Amount (EUR, excl. VAT)"))
