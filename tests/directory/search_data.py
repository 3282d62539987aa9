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


def build_small_directory() -> dict[str, Organisation]:
    """Seven suppliers covering the cases the search must handle; vocabulary loaded."""
    load_project_vocabulary()
    return {
        "alpha": supplier(
            "Alpha Décolletage",
            description_fr="Décolletage de précision : vis orthopédique et implants en titane.",
            terms=("decolletage", "titane", "sante", "iso_13485"),
            clusters=("innov-health",),
            equipment=(("Tornos EvoDeco 16", "Ø 0,5–16 mm"),),
        ),
        "beta": supplier(
            "Beta Horlogerie",
            postcode="25500",
            city="Morteau",
            text_en="Swiss-type bar turning of brass watch pinions.",
            terms=("decolletage", "laiton", "luxe", "iso_9001"),
            headcount_band="21",
        ),
        "gamma": supplier(
            "Gamma Érosion",
            postcode="39100",
            city="Dole",
            text_fr="Électroérosion à fil et par enfonçage, usinage de précision.",
            terms=("electroerosion", "en_9100", "aeronautique"),
            clusters=("aeromutech",),
            tolerances=(("diamètre", "2"),),
        ),
        "delta": supplier(
            "Delta Polymères",
            postcode="69001",
            city="Lyon",
            description_en="We mould a dental implant in PEEK, and R&D <prototypes>.",
            terms=("injection_plastique", "peek", "sante"),
        ),
        "epsilon": supplier(
            "Epsilon Laboratoire",
            description_fr="Laboratoire de métrologie et de contrôle dimensionnel.",
            terms=("metrologie", "iso_17025"),
            kind="lab",
        ),
        "zeta": supplier(
            "Zeta Traitements",
            postcode="74300",
            city="Cluses",
            description_fr="Anodisation dure et dorure. Certifié EN 9100.",
            terms=("anodisation", "galvanoplastie"),
        ),
        "theta": supplier(
            "Theta Mécanique",
            postcode="25000",
            description_fr="Usinage de pièces en TA6V pour l'aéronautique.",
        ),
    }
