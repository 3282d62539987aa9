"""The pôle itself: its own record, staff, president, board, clusters and partners.

The president is the one of DESIGN §1; every other name is invented. MEDICEN Paris Région
is the only real partner named.
"""

import datetime
from dataclasses import dataclass

from grappe.demo.names import FIRST_NAMES_F, Town, plain, rng, website_of
from grappe.demo.organisations import OrganisationPlan
from grappe.demo.people import PersonPlan
from grappe.members.choices import (
    ContactRole,
    DuesCategory,
    GovernanceRole,
    OrganisationKind,
    PartnershipType,
)

POLE_SLUG = "pole-des-microtechniques"
POLE_DOMAIN = "polemicrotechniques.example"
BESANCON = Town("Besançon", "25000", 0, ())

POLE = OrganisationPlan(
    name="Pôle des Microtechniques",
    slug=POLE_SLUG,
    kind=OrganisationKind.OTHER,
    dues_category=DuesCategory.PME,
    headcount_band="03",
    naf_code="94.99Z",
    siret="",
    town=BESANCON,
    address="Technopole TEMIS",
    description_fr=(
        "Pôle de compétitivité des microtechniques de Bourgogne-Franche-Comté, créé en 2005 : "
        "réseau de 180 entreprises, laboratoires et écoles experts du « petit » et de la "
        "précision, labellisation de projets de R&D, accompagnement des entreprises, "
        "clusters INNOV'HEALTH et AEROμTECH, salon MICRONORA."
    ),
    description_en=(
        "The microtechnology competitiveness cluster of Bourgogne-Franche-Comté, founded in "
        "2005: a network of 180 companies, labs and schools expert in small and precise "
        "things, R&D project labelling, business support, the INNOV'HEALTH and AEROμTECH "
        "clusters, the MICRONORA trade show."
    ),
    website=website_of("polemicrotechniques"),
)


@dataclass(frozen=True)
class StaffPlan:
    person: PersonPlan
    role: str
    title: str
    start_date: datetime.date


def _pole_person(first: str, last: str, title: str, phone: str, role: str) -> PersonPlan:
    return PersonPlan(
        first_name=first,
        last_name=last,
        email=f"{plain(first)}.{plain(last)}@{POLE_DOMAIN}",
        phone=phone,
        job_title=title,
        directory_consent=True,
        newsletter_opt_in=True,
        organisation=POLE_SLUG,
        role=role,
    )


_STAFF = (
    ("Olivier", "Guénard", "Délégué général", GovernanceRole.DIRECTOR, (2015, 9, 1)),
    ("Hélène", "Cordier", "Chargée de mission santé, animatrice d'INNOV'HEALTH",
     GovernanceRole.EMPLOYEE, (2012, 3, 5)),
    ("Julien", "Marandet", "Chargé de mission aéronautique, spatial et défense, animateur "
     "d'AEROμTECH", GovernanceRole.EMPLOYEE, (2016, 1, 11)),
    ("Sandrine", "Petitguyot", "Responsable événements et salons", GovernanceRole.EMPLOYEE,
     (2010, 4, 1)),
    ("Mathieu", "Bressand", "Chargé de projets innovation et labellisation",
     GovernanceRole.EMPLOYEE, (2014, 6, 2)),
    ("Inès", "Belkacem", "Chargée de projets européens", GovernanceRole.EMPLOYEE,
     (2019, 9, 2)),
    ("Aurélie", "Fontanel", "Responsable communication", GovernanceRole.EMPLOYEE,
     (2017, 2, 1)),
    ("Romain", "Jeannerod", "Chargé de mission développement des entreprises (PROPULSEUR)",
     GovernanceRole.EMPLOYEE, (2020, 10, 1)),
    ("Lucie", "Grandvoinnet", "Chargée de mission compétences et formation",
     GovernanceRole.EMPLOYEE, (2021, 3, 15)),
    ("Nathalie", "Bourgeon", "Office manager, assistante de direction et comptabilité",
     GovernanceRole.EMPLOYEE, (2008, 1, 7)),
)  # fmt: skip

STAFF = tuple(
    StaffPlan(
        person=_pole_person(
            first,
            last,
            title,
            f"+3338125{index:02d}{index * 7 % 100:02d}",
            ContactRole.EXECUTIVE if role == GovernanceRole.DIRECTOR else ContactRole.OTHER,
        ),
        role=role,
        title=title,
        start_date=datetime.date(*start),
    )
    for index, (first, last, title, role, start) in enumerate(_STAFF)
)
DIRECTOR = STAFF[0].person
HEALTH_ANIMATOR = STAFF[1].person
AERO_ANIMATOR = STAFF[2].person

PRESIDENT = _pole_person("Laurent", "Deschamps", "Président", "", ContactRole.EXECUTIVE)
PRESIDENT_SINCE = datetime.date(2020, 7, 2)


@dataclass(frozen=True)
class BoardSeat:
    role: str
    titles: tuple[str, str]  # masculine, feminine
    start_date: datetime.date
    organisation: str = ""  # slug, chosen by `board_seats`


ELECTED_2017 = datetime.date(2017, 6, 22)
ELECTED_2023 = datetime.date(2023, 6, 27)
# The seats besides the president, each filled by the head of a member organisation
# matching (kind, dues category or "", market or "").
_SEATS = (
    (GovernanceRole.VICE_PRESIDENT, ("Vice-président, industrie", "Vice-présidente, industrie"),
     PRESIDENT_SINCE, (OrganisationKind.COMPANY, DuesCategory.LARGE_GROUP, "")),
    (GovernanceRole.VICE_PRESIDENT, ("Vice-président, santé", "Vice-présidente, santé"),
     PRESIDENT_SINCE, (OrganisationKind.COMPANY, DuesCategory.ETI, "sante")),
    (GovernanceRole.VICE_PRESIDENT, ("Vice-président, recherche et formation",
     "Vice-présidente, recherche et formation"), ELECTED_2023,
     (OrganisationKind.SCHOOL, "", "")),
    (GovernanceRole.TREASURER, ("Trésorier", "Trésorière"), PRESIDENT_SINCE,
     (OrganisationKind.COMPANY, DuesCategory.ETI, "")),
    (GovernanceRole.SECRETARY, ("Secrétaire", "Secrétaire"), PRESIDENT_SINCE,
     (OrganisationKind.COMPANY, DuesCategory.PME, "luxe")),
    (GovernanceRole.BOARD_MEMBER, ("Administrateur", "Administratrice"), ELECTED_2017,
     (OrganisationKind.COMPANY, DuesCategory.PME, "aeronautique")),
    (GovernanceRole.BOARD_MEMBER, ("Administrateur", "Administratrice"), ELECTED_2017,
     (OrganisationKind.LAB, "", "")),
    (GovernanceRole.BOARD_MEMBER, ("Administrateur", "Administratrice"), PRESIDENT_SINCE,
     (OrganisationKind.COMPANY, DuesCategory.LARGE_GROUP, "")),
    (GovernanceRole.BOARD_MEMBER, ("Administrateur", "Administratrice"), PRESIDENT_SINCE,
     (OrganisationKind.COMPANY, DuesCategory.TPE, "")),
    (GovernanceRole.BOARD_MEMBER, ("Administrateur", "Administratrice"), ELECTED_2023,
     (OrganisationKind.COMPANY, DuesCategory.PME, "sante")),
    (GovernanceRole.BOARD_MEMBER, ("Administrateur", "Administratrice"), ELECTED_2023,
     (OrganisationKind.COMPANY, DuesCategory.ETI, "aeronautique")),
)  # fmt: skip


def board_seats(organisations: list[OrganisationPlan]) -> list[BoardSeat]:
    """The board besides the president, each seat given to a different member organisation."""
    taken: set[str] = set()
    seats = []
    for role, titles, start, (kind, category, market) in _SEATS:
        organisation = next(
            plan
            for plan in organisations
            if plan.is_member
            and plan.slug not in taken
            and plan.kind == kind
            and (not category or plan.dues_category == category)
            and (not market or market in plan.markets)
            and plan.joined <= start.year
        )
        taken.add(organisation.slug)
        seats.append(BoardSeat(role, titles, start, organisation.slug))
    return seats


def seat_title(seat: BoardSeat, person: PersonPlan) -> str:
    return seat.titles[1 if person.first_name in FIRST_NAMES_F else 0]


@dataclass(frozen=True)
class ClusterPlan:
    name: str
    slug: str
    description_fr: str
    description_en: str
    animator: PersonPlan
    since: int  # the year it started; members joined it that year at the earliest
    size: int


CLUSTERS = (
    ClusterPlan(
        "INNOV'HEALTH",
        "innov-health",
        "INNOV'HEALTH rassemble les membres du pôle qui conçoivent et fabriquent des "
        "dispositifs médicaux : implants, instruments chirurgicaux, ancillaires, dispositifs "
        "implantables. Le cluster accompagne les entreprises sur la réglementation (ISO 13485, "
        "règlement européen des dispositifs médicaux), les essais et l'accès aux marchés de la "
        "santé, en lien avec MEDICEN et les autres pôles santé (BIO Innovation, International "
        "Therapies Days).",
        "INNOV'HEALTH brings together the members who design and make medical devices: "
        "implants, surgical instruments, ancillaries, implantable devices. The cluster helps "
        "companies with regulation (ISO 13485, the EU Medical Device Regulation), testing and "
        "access to health markets, with MEDICEN and the other health clusters (BIO Innovation, "
        "International Therapies Days).",
        HEALTH_ANIMATOR,
        2010,
        58,
    ),
    ClusterPlan(
        "AEROμTECH",
        "aeromutech",
        "AEROμTECH fédère les savoir-faire microtechniques du pôle pour l'aéronautique, le "
        "spatial et la défense : usinage de précision, connectique, capteurs, traitements de "
        "surface certifiés EN 9100 et Nadcap. Le cluster organise les rencontres avec les "
        "donneurs d'ordre et prépare les entreprises aux exigences de la filière.",
        "AEROμTECH gathers the pôle's microtechnology know-how for aeronautics, space and "
        "defence: precision machining, connectors, sensors, EN 9100 and Nadcap certified "
        "surface treatments. The cluster arranges meetings with prime contractors and prepares "
        "companies for the sector's requirements.",
        AERO_ANIMATOR,
        2016,
        50,
    ),
)


def cluster_members(
    cluster: ClusterPlan, organisations: list[OrganisationPlan]
) -> list[tuple[str, datetime.date]]:
    """The (slug, joined on) of the members in a cluster, drawn among those of its market."""
    random_ = rng(f"cluster/{cluster.slug}")
    health = cluster.slug == "innov-health"
    candidates = [
        plan
        for plan in organisations
        if plan.is_member and (plan.in_health if health else plan.in_aero)
    ]
    chosen = random_.sample(candidates, min(cluster.size, len(candidates)))
    return [
        (
            plan.slug,
            datetime.date(
                max(plan.joined, cluster.since), random_.randint(1, 12), random_.randint(1, 28)
            ),
        )
        for plan in sorted(chosen, key=candidates.index)
    ]


@dataclass(frozen=True)
class PartnerPlan:
    organisation: OrganisationPlan
    type: str
    start_date: datetime.date
    description_fr: str
    description_en: str


def _partner(
    name: str, slug: str, kind: str, town: Town | None, country: str = "FR", website: str = ""
) -> OrganisationPlan:
    return OrganisationPlan(
        name=name, slug=slug, kind=kind, dues_category=DuesCategory.PME, headcount_band="",
        naf_code="", siret="", town=town, address="", description_fr="", description_en="",
        website=website, country=country,
    )  # fmt: skip


PARTNERS = (
    PartnerPlan(
        _partner(
            "MEDICEN Paris Région", "medicen-paris-region", OrganisationKind.PARTNER_CLUSTER,
            Town("Paris", "75013", 0, ()),
        ),
        PartnershipType.HEALTH_NETWORK, datetime.date(2013, 10, 15),
        "Partenariat santé avec MEDICEN Paris Région et le réseau des pôles santé : projets "
        "collaboratifs, BIO Innovation, International Therapies Days.",
        "Health partnership with MEDICEN Paris Région and the network of health clusters: "
        "joint projects, BIO Innovation, International Therapies Days.",
    ),
    PartnerPlan(
        _partner(
            "Réseau des pôles santé", "reseau-des-poles-sante", OrganisationKind.PARTNER_CLUSTER,
            None,
        ),
        PartnershipType.HEALTH_NETWORK, datetime.date(2016, 3, 1),
        "Coordination des pôles de compétitivité santé français : veille réglementaire, "
        "présence commune sur les salons internationaux.",
        "Coordination of the French health competitiveness clusters: regulatory watch, joint "
        "presence at international trade shows.",
    ),
    PartnerPlan(
        _partner(
            "Cluster suisse des microtechniques", "cluster-suisse-des-microtechniques",
            OrganisationKind.PARTNER_CLUSTER, Town("La Chaux-de-Fonds", "2300", 0, ()), "CH",
            website_of("cluster-suisse-microtechniques"),
        ),
        PartnershipType.INTERNATIONAL, datetime.date(2011, 5, 1),
        "Coopération transfrontalière avec l'Arc jurassien suisse : missions croisées, "
        "rendez-vous d'affaires à MICRONORA.",
        "Cross-border cooperation with the Swiss Jura arc: joint missions, B2B meetings at "
        "MICRONORA.",
    ),
    PartnerPlan(
        _partner(
            "Réseau des pôles de la mécanique", "reseau-des-poles-de-la-mecanique",
            OrganisationKind.PARTNER_CLUSTER, None,
        ),
        PartnershipType.CLUSTER, datetime.date(2018, 1, 15),
        "Réseau national des pôles de la mécanique et des matériaux : projets inter-pôles et "
        "labellisations conjointes.",
        "National network of mechanics and materials clusters: inter-cluster projects and "
        "joint labelling.",
    ),
    PartnerPlan(
        _partner(
            "Agence régionale de développement économique",
            "agence-regionale-de-developpement-economique", OrganisationKind.PUBLIC_BODY,
            Town("Dijon", "21000", 0, ()), website=website_of("agence-regionale-developpement"),
        ),
        PartnershipType.INSTITUTIONAL, datetime.date(2016, 9, 1),
        "Convention avec l'agence de développement économique de la Région "
        "Bourgogne-Franche-Comté : accompagnement des entreprises et programmes régionaux.",
        "Agreement with the economic development agency of the Bourgogne-Franche-Comté "
        "region: business support and regional programmes.",
    ),
)  # fmt: skip
