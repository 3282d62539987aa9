"""Forms of the member pages: a project and its consortium, documents, reservations, rounds."""

from decimal import Decimal

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.core.models import Facet, Term
from grappe.labelling.choices import Confidentiality, PartnerRole
from grappe.labelling.forms.common import Rows, money_field
from grappe.labelling.models import FundingCall, Partner, Project
from grappe.labelling.services import PartnerLine
from grappe.members.choices import OrganisationKind
from grappe.members.models import Organisation

TRL_CHOICES = [(value, str(value)) for value in range(1, 10)]
TEXTAREA = {"rows": 4}


def _terms(facet: Facet) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=facet.label,
        queryset=Term.objects.filter(facet=facet.value).order_by("label_fr"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ProjectForm(BootstrapForm, forms.Form):
    """A project's own data. The consortium's rows come with it (PartnerRows)."""

    acronym = forms.CharField(label=_("Acronym"), max_length=30)
    title = forms.CharField(label=_("Title"), max_length=300)
    summary_fr = forms.CharField(
        label=_("Summary (French)"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    summary_en = forms.CharField(
        label=_("Summary (English)"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    public_summary_fr = forms.CharField(
        label=_("Public summary (French)"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Shown to everyone once the project is labelled, unless restricted."),
    )
    public_summary_en = forms.CharField(
        label=_("Public summary (English)"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    markets = _terms(Facet.MARKET)
    processes = _terms(Facet.PROCESS)
    trl_start = forms.TypedChoiceField(label=_("TRL at start"), choices=TRL_CHOICES, coerce=int)
    trl_target = forms.TypedChoiceField(label=_("Target TRL"), choices=TRL_CHOICES, coerce=int)
    duration_months = forms.IntegerField(label=_("Duration (months)"), min_value=1, max_value=120)
    lead = forms.ModelChoiceField(label=_("Lead organisation"), queryset=Organisation.objects)
    total_budget = money_field(label=_("Total budget (EUR)"))
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"),
        choices=Confidentiality.choices,
        initial=Confidentiality.STANDARD,
    )
    co_labelled_with = forms.ModelMultipleChoiceField(
        label=_("Co-labelled with"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.PARTNER_CLUSTER).order_by(
            "name"
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Other pôles that label the project too."),
    )
    call = forms.ModelChoiceField(
        label=_("Funding call"),
        queryset=FundingCall.objects.none(),
        help_text=_("The call the application answers; only calls still open are listed."),
    )

    DATA_FIELDS = (
        "acronym", "title", "summary_fr", "summary_en", "public_summary_fr", "public_summary_en",
        "trl_start", "trl_target", "duration_months", "lead", "total_budget", "confidentiality",
    )  # fmt: skip
    CHECKBOX_FIELDS = ("markets", "processes", "co_labelled_with")

    def __init__(self, *args, leads, calls=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = leads
        if calls is None:
            del self.fields["call"]
        else:
            self.fields["call"].queryset = calls
        for name in self.CHECKBOX_FIELDS:
            self.fields[name].widget.attrs["class"] = "form-check-input"

    @staticmethod
    def initial_for(project: Project) -> dict:
        initial = {name: getattr(project, name) for name in ProjectForm.DATA_FIELDS}
        initial["lead"] = project.lead_id
        for name in ProjectForm.CHECKBOX_FIELDS:
            initial[name] = list(getattr(project, name).all())
        return initial

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.DATA_FIELDS}


class PartnerRowForm(BootstrapForm, forms.Form):
    """A row of the consortium; the organisation's choices are given once for all rows."""

    organisation = forms.TypedChoiceField(
        label=_("Organisation"), coerce=int, required=False, empty_value=None
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=PartnerRole.choices, initial=PartnerRole.PARTNER
    )
    budget = money_field(label=_("Budget (EUR)"), required=False)
    requested_aid = money_field(label=_("Requested aid (EUR)"), required=False)

    def __init__(self, *args, organisations: list[tuple[int | str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", "—"), *organisations]

    def clean(self):
        data = super().clean()
        if not data.get("organisation"):
            self.add_error("organisation", _("Choose the organisation."))
        if data.get("budget") is None and "budget" not in self.errors:
            self.add_error("budget", _("Give the partner's budget."))
        return data


class PartnerRows(Rows):
    """The consortium editor: rows posted as `partners-<n>-<field>`, the service's keys."""

    prefix = "partners"
    key_field = "organisation"
    blank_fields = ("organisation", "budget", "requested_aid")

    def __init__(self, organisations: list[Organisation]) -> None:
        super().__init__([])
        self.by_id = {organisation.pk: organisation for organisation in organisations}
        self.choices = [(organisation.pk, organisation.name) for organisation in organisations]

    def make(self, index: int, data: QueryDict | None = None, initial=None) -> PartnerRowForm:
        return PartnerRowForm(
            data,
            initial=initial,
            prefix=f"{self.prefix}-{index}",
            organisations=self.choices,
        )

    @staticmethod
    def initial_for(partners: list[Partner]) -> list[dict]:
        return [
            {
                "organisation": partner.organisation_id,
                "role": partner.role,
                "budget": partner.budget,
                "requested_aid": partner.requested_aid,
            }
            for partner in partners
        ]

    def lines(self) -> list[PartnerLine]:
        """The valid rows as the service takes them (call is_valid first)."""
        lines = []
        for form in self.used:
            data = form.cleaned_data
            lines.append(
                PartnerLine(
                    organisation=self.by_id[data["organisation"]],
                    budget=data["budget"],
                    requested_aid=data["requested_aid"] or Decimal(0),
                    role=data["role"],
                )
            )
        return lines

    def budget_total(self) -> Decimal:
        return self.total("budget")

    def aid_total(self) -> Decimal:
        return self.total("requested_aid")


class ResubmitForm(BootstrapForm, forms.Form):
    call = forms.ModelChoiceField(label=_("Funding call"), queryset=FundingCall.objects.none())

    def __init__(self, *args, calls, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = calls


class DocumentForm(BootstrapForm, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file's name."),
    )
    file = forms.FileField(
        label=_("PDF file"), widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"})
    )


class ReservationsAnswerForm(BootstrapForm, forms.Form):
    reservations_answer = forms.CharField(
        label=_("Your answer to the reservations"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
    )
