"""Forms of the organisation pages: the list's filters, the organisation form, cluster moves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.members.choices import OrganisationKind
from grappe.members.geography import departement_name
from grappe.members.models import Cluster, Organisation
from grappe.members.queries import ORGANISATION_SORTS
from grappe.members.services import ORGANISATION_FIELDS, ORGANISATION_FIELDS_FOR_CONTACTS


def _model_field(name: str, **kwargs) -> forms.Field:
    """The form field of an Organisation field, with the model's label and choices.

    The model's validators (SIRET, NAF, postcode) run in the service, whose errors the
    view puts back on these fields.
    """
    return Organisation._meta.get_field(name).formfield(**kwargs)


class SearchInput(forms.TextInput):
    input_type = "search"


class OrganisationFilterForm(BootstrapForm, forms.Form):
    """The search box and filters of the organisation list; every field is optional."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=SearchInput(attrs={"placeholder": _("Name or city"), "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *OrganisationKind.choices],
    )
    cluster = forms.ChoiceField(label=_("Cluster"), required=False)
    departement = forms.ChoiceField(label=_("Département"), required=False)
    members_only = forms.BooleanField(label=_("Members only"), required=False)
    sort = forms.ChoiceField(
        required=False,
        choices=[(key, key) for key in ORGANISATION_SORTS],
        widget=forms.HiddenInput,
    )

    def __init__(
        self,
        *args,
        clusters: list[Cluster],
        departements: list[str],
        can_filter_members: bool,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].choices = [
            ("", _("All clusters")),
            *((cluster.slug, cluster.name) for cluster in clusters),
        ]
        self.fields["departement"].choices = [
            ("", _("All départements")),
            *((code, f"{code} — {departement_name(code) or code}") for code in departements),
        ]
        if not can_filter_members:
            del self.fields["members_only"]

    def filters(self) -> dict:
        """The valid filters, ready for `search_organisations`; a bad value is ignored."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "text": (data.get("q") or "").strip(),
            "kind": data.get("kind") or "",
            "cluster": data.get("cluster") or "",
            "departement": data.get("departement") or "",
            "members_only": bool(data.get("members_only")),
            "sort": data.get("sort") or "name",
        }


class OrganisationForm(BootstrapForm, forms.Form):
    """Create or edit an organisation. Contacts get the form without the staff-only fields."""

    name = _model_field("name")
    kind = _model_field("kind")
    dues_category = _model_field("dues_category")
    siren = _model_field("siren")
    siret = _model_field("siret")
    naf_code = _model_field("naf_code", help_text=_("For example 25.62B."))
    headcount_band = _model_field("headcount_band")
    address = _model_field("address")
    postcode = _model_field("postcode")
    city = _model_field("city")
    country = _model_field(
        "country", help_text=_("Two-letter ISO code; FR derives the département.")
    )
    website = _model_field("website", assume_scheme="https")
    email = _model_field("email")
    phone = _model_field("phone")
    description_fr = _model_field("description_fr", widget=forms.Textarea(attrs={"rows": 6}))
    description_en = _model_field("description_en", widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, admin_fields: bool, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = ORGANISATION_FIELDS if admin_fields else ORGANISATION_FIELDS_FOR_CONTACTS
        for name in list(self.fields):
            if name not in allowed:
                del self.fields[name]

    FIELDSETS = (
        (_("Identity"), ("name", "kind", "dues_category", "siren", "siret", "naf_code",
                         "headcount_band")),
        (_("Address"), ("address", "postcode", "city", "country")),
        (_("Presentation"), ("website", "email", "phone", "description_fr", "description_en")),
    )  # fmt: skip

    @staticmethod
    def initial_for(organisation: Organisation) -> dict:
        return {name: getattr(organisation, name) for name in ORGANISATION_FIELDS}

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields of the form grouped for display, without those it does not have."""
        return [
            (title, [self[name] for name in names if name in self.fields])
            for title, names in self.FIELDSETS
        ]

    def service_data(self) -> dict:
        """The cleaned values, under the names the services expect."""
        return {name: self.cleaned_data[name] for name in self.fields}


class ClusterMoveForm(forms.Form):
    """Join or leave a cluster, posted from the organisation page."""

    JOIN, LEAVE = "join", "leave"

    cluster = forms.ModelChoiceField(queryset=Cluster.objects.all(), to_field_name="slug")
    action = forms.ChoiceField(choices=[(JOIN, _("Join")), (LEAVE, _("Leave"))])
