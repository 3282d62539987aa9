"""The filters of the lists, read from the query string (bad values are ignored)."""

from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from grappe.core.models import Facet, Term
from grappe.labelling.choices import LABEL_STATUSES
from grappe.labelling.models import Application, FundingCall, Project


class TermChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Term) -> str:
        return obj.label


class PublicFilterForm(forms.Form):
    """The public list of labelled projects: the year of the label and a market."""

    annee = forms.TypedChoiceField(
        label=_("Year labelled"), coerce=int, required=False, empty_value=None
    )
    marche = TermChoiceField(
        label=_("Market"),
        queryset=Term.objects.filter(facet=Facet.MARKET).order_by("label_fr"),
        to_field_name="code",
        required=False,
        empty_label=_("All markets"),
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].choices = [("", _("All years")), *[(y, str(y)) for y in years]]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def apply(self, projects: QuerySet[Project]) -> QuerySet[Project]:
        if not self.is_valid():
            return projects
        if year := self.cleaned_data["annee"]:
            labelled_that_year = Application.objects.filter(
                project=OuterRef("pk"), status__in=LABEL_STATUSES, decided_at__year=year
            )
            projects = projects.filter(Exists(labelled_that_year))
        if market := self.cleaned_data["marche"]:
            projects = projects.filter(
                Exists(Project.markets.through.objects.filter(project=OuterRef("pk"), term=market))
            )
        return projects

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())


class PipelineFilterForm(forms.Form):
    """The staff's pipeline board: one call, or the calls whose deadline falls in a year."""

    appel = forms.ModelChoiceField(
        label=_("Funding call"),
        queryset=FundingCall.objects.order_by("-deadline", "name"),
        required=False,
        empty_label=_("All calls"),
    )
    annee = forms.TypedChoiceField(
        label=_("Year of the deadline"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].choices = [("", _("All years")), *[(y, str(y)) for y in years]]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def apply(self, applications: QuerySet[Application]) -> QuerySet[Application]:
        if not self.is_valid():
            return applications
        if call := self.cleaned_data["appel"]:
            applications = applications.filter(call=call)
        if year := self.cleaned_data["annee"]:
            applications = applications.filter(call__deadline__year=year)
        return applications

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())


class YearForm(forms.Form):
    annee = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].choices = [("", _("All years")), *[(y, str(y)) for y in years]]
        self.fields["annee"].widget.attrs["class"] = "form-select"

    def year(self) -> int | None:
        return self.cleaned_data["annee"] if self.is_valid() else None
