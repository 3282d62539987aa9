"""The fixed dataset of the search quality test: 80 invented organisations of a
microtechnology pôle in Bourgogne-Franche-Comté, and the loader that builds them through
the services, as the pôle's staff and members would.

The organisations are written the way members write: some profiles rich and bilingual,
some terse, some without accents. The set is full of near misses on purpose: bar turners
for watchmaking beside bar turners for implants; titanium machining without ISO 13485; ISO
13485 for plastics; laser cutting of sheet metal beside laser cutting of stents, laser
welding and laser marking; decorative anodising beside hard anodising; PVD on cutting tools
beside PVD on watch cases; a device maker that *looks for* bar turners; a school that
teaches bar turning; a regional agency that names every market.

The records live in five modules by trade (data_turning, data_machining, data_surfaces,
data_forming, data_others) to keep each module readable.
"""

from decimal import Decimal

from django.utils.text import slugify

from grappe.core.models import Term
from grappe.core.services import DEFAULT_VOCABULARY, load_vocabulary, read_vocabulary_csv
from grappe.directory.services import (
    add_equipment,
    add_tolerance,
    set_capabilities,
    update_capability_profile,
)
from grappe.members.models import Cluster, Organisation
from grappe.members.services import create_cluster, import_organisations, join_cluster
from tests.directory.relevance.data_forming import FORMING
from tests.directory.relevance.data_machining import MACHINING
from tests.directory.relevance.data_others import OTHERS
from tests.directory.relevance.data_surfaces import SURFACES
from tests.directory.relevance.data_turning import BAR_TURNING
from tests.directory.relevance.records import Record

CLUSTERS = [
    {
        "name": "INNOV'HEALTH",
        "slug": "innov-health",
        "description_fr": "Les entreprises du pôle qui fabriquent pour la santé.",
        "description_en": "The pôle's companies making for health.",
    },
    {
        "name": "AEROμTECH",
        "slug": "aeromutech",
        "description_fr": "Microtechniques pour l'aéronautique et le spatial.",
        "description_en": "Microtechnology for aerospace and space.",
    },
]

ORGANISATIONS: list[Record] = [*BAR_TURNING, *MACHINING, *SURFACES, *FORMING, *OTHERS]


def slug_of(record: Record) -> str:
    """The slug the members service gives the organisation (names are unique here)."""
    return slugify(record.name)


def _row(record: Record) -> dict[str, str]:
    row = {
        "name": record.name,
        "kind": record.kind,
        "siret": record.siret,
        "postcode": record.postcode,
        "city": record.city,
        "headcount_band": record.headcount_band,
        "description_fr": record.description_fr,
        "description_en": record.description_en,
    }
    if record.naf_code:
        row["naf_code"] = record.naf_code
    return row


def load_dataset() -> dict[str, Organisation]:
    """Build the vocabulary, the clusters and the organisations; return them by slug."""
    load_vocabulary(rows=read_vocabulary_csv(DEFAULT_VOCABULARY), actor=None)
    clusters: dict[str, Cluster] = {
        data["slug"]: create_cluster(actor=None, **data) for data in CLUSTERS
    }
    terms = {term.code: term for term in Term.objects.all()}
    created = import_organisations(actor=None, rows=[_row(r) for r in ORGANISATIONS])
    by_name = {organisation.name: organisation for organisation in created}
    for record in ORGANISATIONS:
        organisation = by_name[record.name]
        if record.terms:
            set_capabilities(
                actor=None, organisation=organisation, terms=[terms[c] for c in record.terms]
            )
        if record.profile_fr or record.profile_en:
            update_capability_profile(
                actor=None,
                organisation=organisation,
                text_fr=record.profile_fr,
                text_en=record.profile_en,
            )
        for machine, quantity, envelope in record.equipment:
            add_equipment(
                actor=None,
                organisation=organisation,
                machine=machine,
                quantity=quantity,
                envelope=envelope,
            )
        for feature, plus_minus, process in record.tolerances:
            add_tolerance(
                actor=None,
                organisation=organisation,
                feature=feature,
                plus_minus_um=Decimal(plus_minus),
                process=terms[process] if process else None,
            )
        for slug in record.clusters:
            join_cluster(actor=None, cluster=clusters[slug], organisation=organisation)
    return {organisation.slug: organisation for organisation in created}
