"""A small directory for the search tests, built through the services like real data."""

from decimal import Decimal
from pathlib import Path

import grappe.core
from grappe.core.models import Term
from grappe.core.services import load_vocabulary, read_vocabulary_csv
from grappe.directory import services as directory
from grappe.members.models import Cluster, Organisation
from grappe.members.services.governance import join_cluster
from grappe.members.services.organisations import create_organisation
from tests.factories import ClusterFactory, valid_siret

VOCABULARY_CSV = Path(grappe.core.__file__).resolve().parent / "data" / "vocabulary.csv"

_sequence = iter(range(5000, 10_000_000))


def load_project_vocabulary() -> None:
    load_vocabulary(rows=read_vocabulary_csv(VOCABULARY_CSV), actor=None)


def supplier(
    name: str,
    *,
    postcode: str = "25000",
    city: str = "Besançon",
    description_fr: str = "",
    description_en: str = "",
    text_fr: str = "",
    text_en: str = "",
    terms: tuple[str, ...] = (),
    clusters: tuple[str, ...] = (),
    equipment: tuple[tuple[str, str], ...] = (),
    tolerances: tuple[tuple[str, str], ...] = (),
    kind: str = "company",
    headcount_band: str = "12",
) -> Organisation:
    """An organisation with its capabilities, written by the same services as the site."""
    organisation = create_organisation(
        actor=None,
        data={
            "name": name,
            "siret": valid_siret(next(_sequence)),
            "postcode": postcode,
            "city": city,
            "description_fr": description_fr,
            "description_en": description_en,
            "kind": kind,
            "headcount_band": headcount_band,
        },
    )
    if terms:
        directory.set_capabilities(
            actor=None, organisation=organisation, terms=Term.objects.filter(code__in=terms)
        )
    if text_fr or text_en:
        directory.update_capability_profile(
            actor=None, organisation=organisation, text_fr=text_fr, text_en=text_en
        )
    for machine, envelope in equipment:
        directory.add_equipment(
            actor=None, organisation=organisation, machine=machine, envelope=envelope
        )
    for feature, amount in tolerances:
        directory.add_tolerance(
            actor=None, organisation=organisation, feature=feature, plus_minus_um=Decimal(amount)
        )
    for slug in clusters:
        cluster = Cluster.objects.filter(slug=slug).first() or ClusterFactory(
            slug=slug, name=slug.upper()
        )
        join_cluster(actor=None, cluster=cluster, organisation=organisation)
    return organisation
