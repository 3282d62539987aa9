"""Forms of the capability edit page: terms and descriptions, equipment, tolerances."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.core.models import Facet, Term
from grappe.directory.queries import Capabilities


def _facet_field(facet: Facet) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=facet.label,
        queryset=Term.objects.filter(facet=facet.value).order_by("label_fr"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class CapabilitiesForm(BootstrapForm, forms.Form):
    """The organisation's terms of every facet, and its know-how in its own words."""

    process = _facet_field(Facet.PROCESS)
    material = _facet_field(Facet.MATERIAL)
    market = _facet_field(Facet.MARKET)
    certification = _facet_field(Facet.CERTIFICATION)
    text_fr = forms.CharField(
        label=_("Capabilities (French)"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you make, for which markets, with which means: as a buyer would ask."),
    )
    text_en = forms.CharField(
        label=_("Capabilities (English)"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    FACET_FIELDS = tuple(Facet.values)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.FACET_FIELDS:
            self.fields[name].widget.attrs["class"] = "form-check-input"

    @classmethod
    def initial_for(cls, capabilities: Capabilities) -> dict:
        profile = capabilities.profile
        initial = {name: capabilities.terms.get(name, []) for name in cls.FACET_FIELDS}
        initial["text_fr"] = profile.text_fr if profile else ""
        initial["text_en"] = profile.text_en if profile else ""
        return initial

    def facet_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.FACET_FIELDS]

    def terms(self) -> list[Term]:
        return [term for name in self.FACET_FIELDS for term in self.cleaned_data[name]]


class EquipmentForm(BootstrapForm, forms.Form):
    machine = forms.CharField(
        label=_("Machine"),
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("For example: Tornos Swiss GT 26")}),
    )
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=10_000, initial=1)
    envelope = forms.CharField(
        label=_("Working envelope"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("For example: Ø 0.5–32 mm")}),
    )


class ToleranceForm(BootstrapForm, forms.Form):
    feature = forms.CharField(
        label=_("Feature"),
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("For example: diameter")}),
    )
    plus_minus_um = forms.DecimalField(
        label=_("Tolerance (± µm)"),
        max_digits=8,
        decimal_places=2,
        min_value=Decimal("0.01"),
    )
    process = forms.ModelChoiceField(
        label=_("Process"),
        queryset=Term.objects.filter(facet=Facet.PROCESS).order_by("label_fr"),
        required=False,
        empty_label=_("Any process"),
    )
