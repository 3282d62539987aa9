"""The staff's event form and the filters of the events lists."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.events.choices import EventKind
from grappe.events.models import Event
from grappe.events.services import EVENT_FIELDS
from grappe.members.models import Cluster


class DateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker, which phones show natively."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M"]


class EventForm(BootstrapForm, forms.ModelForm):
    """Every field of an event, French first; the service checks them again and names the
    field in error."""

    online_url = forms.URLField(
        label=_("online link"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Event
        fields = list(EVENT_FIELDS)
        widgets = {
            "description_fr": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "capacity": _("Leave empty for no limit."),
            "registration_opens_at": _("Empty: registration is open as soon as it is published."),
            "registration_closes_at": _("Empty: registration closes when the event starts."),
            "audience": _("A members-only event is not shown to the public."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
            field = self.fields[name]
            field.widget = DateTimeInput(attrs={"class": "form-control"})
            field.input_formats = DATETIME_FORMATS
        self.fields["cluster"].queryset = Cluster.objects.order_by("name")
        for name in ("price_member", "price_non_member"):
            self.fields[name].localize = True
            self.fields[name].widget.is_localized = True

    def validate_unique(self):
        # The service validates the event again and names the field in error.
        pass

    def _post_clean(self):
        # The model's own validation runs in the service, with the seats counted there.
        pass

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


WHEN_CHOICES = [("", _("Coming and past")), ("coming", _("Coming")), ("past", _("Past"))]


class EventFilterForm(forms.Form):
    """The staff's list of events: kind, organising cluster, coming or past (bad values are
    ignored)."""

    type = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *EventKind.choices]
    )
    filiere = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All clusters"),
    )
    quand = forms.ChoiceField(label=_("When"), required=False, choices=WHEN_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def values(self) -> dict:
        if not self.is_valid():
            return {"kind": "", "cluster_id": None, "when": ""}
        cluster = self.cleaned_data["filiere"]
        return {
            "kind": self.cleaned_data["type"],
            "cluster_id": cluster.pk if cluster else None,
            "when": self.cleaned_data["quand"],
        }

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())


class CalendarFilterForm(forms.Form):
    """The public calendar: one kind of event."""

    type = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *EventKind.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].widget.attrs["class"] = "form-select"

    def apply(self, events: QuerySet[Event]) -> QuerySet[Event]:
        if self.is_valid() and self.cleaned_data["type"]:
            return events.filter(kind=self.cleaned_data["type"])
        return events
