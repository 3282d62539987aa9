"""The capability directory of the demo: each organisation's terms, words, machines and
tolerances, and a search document for every organisation.

The profiles are planned in plain Python (capabilities.py) and written in one bulk import
through grappe.directory.services, which writes only what differs: a second run changes
nothing and logs nothing.
"""

from grappe.core.models import Term
from grappe.demo.capabilities import ProfilePlan, Speciality, plan_profiles
from grappe.demo.context import DemoContext
from grappe.demo.organisations import plan_organisations
from grappe.demo.research import RESEARCH_BY_SLUG
from grappe.demo.specialities_devices import SPECIALITIES as DEVICES
from grappe.demo.specialities_finishing import SPECIALITIES as FINISHING
from grappe.demo.specialities_tooling import SPECIALITIES as TOOLING
from grappe.demo.specialities_turning import SPECIALITIES as TURNING
from grappe.directory.models import Capability, CapabilityProfile, Equipment, Tolerance
from grappe.directory.search.index import reindex_organisations
from grappe.directory.services import CapabilityRecord, import_capabilities
from grappe.members.models import Organisation

SPECIALITIES: tuple[Speciality, ...] = (*TURNING, *TOOLING, *FINISHING, *DEVICES)


def plan(year: int) -> list[ProfilePlan]:
    """The capability profile of every organisation of the demo that has one."""
    return plan_profiles(plan_organisations(year), SPECIALITIES, RESEARCH_BY_SLUG)


def build(context: DemoContext) -> list[str]:
    profiles = plan(context.year)
    organisations = Organisation.objects.in_bulk([p.slug for p in profiles], field_name="slug")
    terms = Term.objects.in_bulk(field_name="code")
    records = [
        CapabilityRecord(
            organisation=organisations[profile.slug],
            terms=[terms[code] for code in profile.terms],
            text_fr=profile.text_fr,
            text_en=profile.text_en,
            equipment=profile.equipment,
            tolerances=[
                (feature, amount, terms[process] if process else None)
                for feature, amount, process in profile.tolerances
            ],
        )
        for profile in profiles
    ]
    changed = import_capabilities(actor=None, records=records)
    # The import reindexed what it changed; organisations written before the index existed
    # have no document yet. (`grappe reindex` rebuilds every document.)
    reindex_organisations(
        Organisation.objects.filter(search_document__isnull=True).values_list("pk", flat=True)
    )
    return [
        f"{len(profiles)} capability profiles ({len(changed)} written): "
        f"{Capability.objects.count()} capabilities, "
        f"{CapabilityProfile.objects.exclude(text_en='').count()} in English too, "
        f"{Equipment.objects.count()} machines, {Tolerance.objects.count()} tolerances"
    ]
