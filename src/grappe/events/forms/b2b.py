"""Forms of the B2B meetings: my profile, a meeting request, the slot plan, staff meetings."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.core.models import Facet, Term
from grappe.events.choices import Priority
from grappe.events.models import B2BProfile, Event, MeetingSlot
from grappe.events.services.b2b_profiles import TEXT_MAX_LENGTH
from grappe.events.services.b2b_requests import MESSAGE_MAX_LENGTH

FACETS = [Facet.PROCESS, Facet.MATERIAL, Facet.MARKET, Facet.CERTIFICATION]


def slot_label(slot: MeetingSlot) -> str:
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    return f"{start:%d/%m %H:%M}–{end:%H:%M} · {slot.session}"


class SlotChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: MeetingSlot) -> str:
        return slot_label(obj)


class ProfileForm(BootstrapForm, forms.Form):
    """What I offer and seek (terms of each facet, and text), my slots off, my listing."""

    offer = forms.CharField(
        label=_("What I offer"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    seek = forms.CharField(
        label=_("What I am looking for"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    unavailable_slots = SlotChoiceField(
        label=_("Slots I cannot make"),
        queryset=MeetingSlot.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the slots when you are not available for a meeting."),
    )
    is_listed = forms.BooleanField(
        label=_("Show me in the participants' catalogue and accept requests"), required=False
    )

    def __init__(self, *args, profile: B2BProfile, **kwargs):
        super().__init__(*args, **kwargs)
        terms = list(Term.objects.order_by("label_fr"))
        for side, label in (("offered", _("I offer")), ("sought", _("I seek"))):
            for facet in FACETS:
                self.fields[f"{side}_{facet}"] = forms.ModelMultipleChoiceField(
                    label=f"{label} · {facet.label}",
                    queryset=Term.objects.filter(facet=facet).order_by("label_fr"),
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )
                self.fields[f"{side}_{facet}"].choices = [
                    (term.pk, term.label) for term in terms if term.facet == facet
                ]
        self.fields["unavailable_slots"].queryset = MeetingSlot.objects.filter(
            event_id=profile.registration.event_id
        ).order_by("starts_at")
        if not self.is_bound:
            offered = list(profile.offered_terms.all())
            sought = list(profile.sought_terms.all())
            for facet in FACETS:
                self.initial[f"offered_{facet}"] = [t.pk for t in offered if t.facet == facet]
                self.initial[f"sought_{facet}"] = [t.pk for t in sought if t.facet == facet]
            self.initial |= {
                "offer": profile.offer,
                "seek": profile.seek,
                "is_listed": profile.is_listed,
                "unavailable_slots": [s.pk for s in profile.unavailable_slots.all()],
            }

    def term_fields(self, side: str) -> list[forms.BoundField]:
        return [self[f"{side}_{facet}"] for facet in FACETS]

    def offered_field_list(self) -> list[forms.BoundField]:
        return self.term_fields("offered")

    def sought_field_list(self) -> list[forms.BoundField]:
        return self.term_fields("sought")

    def terms(self, side: str) -> list[Term]:
        return [term for facet in FACETS for term in self.cleaned_data[f"{side}_{facet}"]]


class RequestForm(BootstrapForm, forms.Form):
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say why you would like to meet."),
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        choices=Priority.choices,
        coerce=int,
        initial=Priority.NORMAL,
        help_text=_("High-priority meetings are placed first when the slots are scarce."),
    )


class SessionForm(BootstrapForm, forms.Form):
    """A session of the slot plan: meetings of a given length from start to end."""

    session = forms.CharField(label=_("Session"), max_length=50, initial=_("morning"))
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    starts = forms.TimeField(
        label=_("First meeting at"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    ends = forms.TimeField(
        label=_("Session ends at"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    meeting_minutes = forms.IntegerField(label=_("Meeting length (minutes)"), initial=20)
    pause_minutes = forms.IntegerField(
        label=_("Pause between meetings (minutes)"), initial=5, min_value=0
    )
    tables = forms.IntegerField(label=_("Tables per slot"), initial=10)

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("day", timezone.localtime(event.starts_at).date())


class TablesForm(BootstrapForm, forms.Form):
    """The number of tables of each slot, one field per slot."""

    def __init__(self, *args, slots: list[MeetingSlot], **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = slots
        for slot in slots:
            self.fields[f"tables_{slot.pk}"] = forms.IntegerField(
                label=slot_label(slot),
                initial=slot.tables,
                widget=forms.NumberInput(
                    attrs={"class": "form-control-sm", "style": "max-width: 6rem"}
                ),
            )

    def rows(self) -> list[tuple[MeetingSlot, forms.BoundField]]:
        return [(slot, self[f"tables_{slot.pk}"]) for slot in self.slots]

    def tables(self) -> dict[int, int]:
        return {slot.pk: self.cleaned_data[f"tables_{slot.pk}"] for slot in self.slots}


class RemoveSlotsForm(forms.Form):
    slots = SlotChoiceField(queryset=MeetingSlot.objects.none(), label=_("Slots"))

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slots"].queryset = MeetingSlot.objects.filter(event=event)


class ProfileChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: B2BProfile) -> str:
        registration = obj.registration
        organisation = registration.organisation_display
        return (
            f"{registration.full_name} ({organisation})" if organisation else registration.full_name
        )


class MeetingAddForm(BootstrapForm, forms.Form):
    first = ProfileChoiceField(label=_("Participant"), queryset=B2BProfile.objects.none())
    second = ProfileChoiceField(label=_("Meets"), queryset=B2BProfile.objects.none())
    weight = forms.TypedChoiceField(
        label=_("Priority"), choices=Priority.choices, coerce=int, initial=Priority.NORMAL
    )

    def __init__(self, *args, profiles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first"].queryset = profiles
        self.fields["second"].queryset = profiles
