"""Forms of the staff pages: moves, experts, the scoring grid, calls, funding and results."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.core.models import User
from grappe.labelling.choices import Funder, ResultKind
from grappe.labelling.forms.common import DateInput, Rows, money_field
from grappe.labelling.models import Criterion, FundingCall, FundingLine, Partner
from grappe.labelling.services import FundingEntry


class TransitionForm(BootstrapForm, forms.Form):
    reason = forms.CharField(
        label=_("Reason or comment"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recorded in the application's history and sent to the lead's contacts."),
    )


class AssignForm(forms.Form):
    """The expert to assign; the service refuses those with a conflict of interest."""

    expert = forms.ModelChoiceField(queryset=User.objects.filter(is_active=True))


class CriterionForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["code", "label_fr", "label_en", "weight", "position", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["label_en"].required = False
        if self.instance.pk:
            # A criterion's code is kept: the scores given refer to it.
            self.fields["code"].disabled = True

    def validate_unique(self):
        # The service validates the criterion again and names the field in error.
        pass

    def data_for_service(self) -> dict:
        names = self.Meta.fields if self.instance.pk is None else self.Meta.fields[1:]
        return {name: self.cleaned_data[name] for name in names}


class CallForm(BootstrapForm, forms.ModelForm):
    url = forms.URLField(label=_("Web page"), required=False, assume_scheme="https")

    class Meta:
        model = FundingCall
        fields = ["name", "funder", "addressee", "address", "deadline", "url"]
        widgets = {"deadline": DateInput(), "address": forms.Textarea(attrs={"rows": 3})}

    def validate_unique(self):
        pass

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class FundingRowForm(BootstrapForm, forms.Form):
    partner = forms.TypedChoiceField(
        label=_("Partner"), coerce=int, required=False, empty_value=None
    )
    funder = forms.ChoiceField(label=_("Funder"), choices=Funder.choices)
    amount = money_field(label=_("Amount (EUR)"), required=False)

    def __init__(self, *args, partners: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = [("", "—"), *partners]

    def clean(self):
        data = super().clean()
        if not data.get("partner"):
            self.add_error("partner", _("Choose the partner."))
        if data.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", _("Give the amount."))
        return data


class FundingRows(Rows):
    """The funding lines: aid per partner and funder, posted as `lines-<n>-<field>`."""

    prefix = "lines"
    key_field = "partner"
    blank_fields = ("partner", "amount")

    def __init__(self, partners: list[Partner], default_funder: str) -> None:
        super().__init__([])
        self.by_id = {partner.pk: partner for partner in partners}
        self.choices = [(partner.pk, partner.organisation.name) for partner in partners]
        self.default_funder = default_funder

    def make(self, index: int, data: QueryDict | None = None, initial=None) -> FundingRowForm:
        return FundingRowForm(
            data,
            initial=initial or {"funder": self.default_funder},
            prefix=f"{self.prefix}-{index}",
            partners=self.choices,
        )

    @staticmethod
    def initial_for(lines: list[FundingLine]) -> list[dict]:
        return [
            {"partner": line.partner_id, "funder": line.funder, "amount": line.amount}
            for line in lines
        ]

    def entries(self) -> list[FundingEntry]:
        return [
            FundingEntry(
                self.by_id[form.cleaned_data["partner"]],
                form.cleaned_data["funder"],
                form.cleaned_data["amount"],
            )
            for form in self.used
        ]


class ResultForm(BootstrapForm, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ResultKind.choices)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=1_000_000, initial=1)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=2_000, widget=forms.TextInput
    )
