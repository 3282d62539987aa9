"""The organisations of the demo pôle, planned in plain Python from a fixed seed.

The plan is the same on every run: 180 members this year (companies, a few large groups,
labs and engineering schools), 25 former members, the pôle itself and its partners.
"""

import random
from dataclasses import dataclass, field
from typing import Any

from stdnum import luhn

from grappe.demo.names import (
    SURNAMES,
    TOWNS,
    TOWNS_BY_CITY,
    Town,
    address_of,
    rng,
    unique_slug,
    website_of,
)
from grappe.demo.trades import AERO_MARKETS, HEALTH_MARKETS, TRADES, TRADES_BY_CODE, describe
from grappe.members.choices import DuesCategory, OrganisationKind
from grappe.members.models import FIRST_YEAR

MEMBER_COUNT = 180
FORMER_MEMBER_COUNT = 25
# How the 160 member companies split by dues category; labs and schools make up the 180.
COMPANY_CATEGORIES = {
    DuesCategory.LARGE_GROUP: 6,
    DuesCategory.ETI: 12,
    DuesCategory.TPE: 38,
    DuesCategory.PME: 104,
}
FORMER_CATEGORIES = {DuesCategory.TPE: 12, DuesCategory.PME: 13}
HEADCOUNT_BANDS = {
    DuesCategory.TPE: (("00", 1), ("01", 5), ("02", 7), ("03", 7)),
    DuesCategory.PME: (("11", 30), ("12", 35), ("21", 15), ("22", 10), ("31", 5), ("32", 5)),
    DuesCategory.ETI: (("41", 5), ("42", 3), ("51", 2)),
    DuesCategory.LARGE_GROUP: (("52", 1), ("53", 1)),
}
LARGE_GROUP_NAMES = (
    "Groupe {surname} Industries", "{surname} Précision Groupe", "Groupe {surname} Technologies"
)  # fmt: skip


@dataclass(frozen=True)
class OrganisationPlan:
    name: str
    slug: str
    kind: str
    dues_category: str
    headcount_band: str
    naf_code: str
    siret: str
    town: Town | None
    address: str
    description_fr: str
    description_en: str
    website: str = ""
    country: str = "FR"
    trade: str = ""
    markets: tuple[str, ...] = ()
    processes: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    joined: int | None = None  # first year of membership; None: never a member
    left: int | None = None  # the year it resigned; None: still a member

    @property
    def is_member(self) -> bool:
        return self.joined is not None and self.left is None

    @property
    def in_health(self) -> bool:
        return bool(HEALTH_MARKETS & set(self.markets))

    @property
    def in_aero(self) -> bool:
        return bool(AERO_MARKETS & set(self.markets))

    def data(self) -> dict[str, Any]:
        """The fields as the organisation services take them."""
        return {
            "name": self.name,
            "kind": self.kind,
            "siren": self.siret[:9],
            "siret": self.siret,
            "naf_code": self.naf_code,
            "headcount_band": self.headcount_band,
            "address": self.address,
            "postcode": self.town.postcode if self.town else "",
            "city": self.town.city if self.town else "",
            "country": self.country,
            "website": self.website,
            "description_fr": self.description_fr,
            "description_en": self.description_en,
            "dues_category": self.dues_category,
        }


@dataclass
class _Planner:
    year: int
    random_: random.Random = field(default_factory=lambda: rng("organisations"))
    names: set[str] = field(default_factory=set)
    slugs: set[str] = field(default_factory=set)
    sirens: set[str] = field(default_factory=set)

    def siret(self) -> str:
        while True:
            body = f"{self.random_.randint(30_000_000, 89_999_999)}"
            siren = body + luhn.calc_check_digit(body)
            if siren not in self.sirens:
                self.sirens.add(siren)
                nic = f"{self.random_.randint(1, 99):04d}"
                return siren + nic + luhn.calc_check_digit(siren + nic)

    def town(self) -> Town:
        return self.random_.choices(TOWNS, weights=[t.weight for t in TOWNS])[0]

    def band(self, category: str) -> str:
        bands = HEADCOUNT_BANDS[category]
        return self.random_.choices([b for b, _w in bands], weights=[w for _b, w in bands])[0]

    def name(self, templates: tuple[str, ...], town: Town, category: str) -> str:
        for _attempt in range(200):
            name = self.random_.choice(templates).format(
                surname=self.random_.choice(SURNAMES), area=self.random_.choice(town.areas)
            )
            if category == DuesCategory.TPE and self.random_.random() < 0.25:
                name += " SARL"
            elif category == DuesCategory.PME and "SAS" not in name:
                name += self.random_.choice(("", "", "", " SAS", " SA"))
            if name not in self.names:
                self.names.add(name)
                return name
        raise RuntimeError("The name generator ran out of names.")  # pragma: no cover

    def joined(self, *, former: bool = False) -> int:
        if not former and self.random_.random() < 0.3:
            return FIRST_YEAR  # the founding members
        last = 2016 if former else self.year
        return FIRST_YEAR + int((last - FIRST_YEAR + 1) * self.random_.random() ** 1.4)

    def pick(self, items: tuple[str, ...], low: int, high: int, *, keep_first: bool) -> tuple:
        count = min(len(items), self.random_.randint(low, high))
        if keep_first:
            return (items[0], *self.random_.sample(items[1:], count - 1))
        return tuple(self.random_.sample(items, count))

    def company(
        self,
        category: str,
        *,
        trade_code: str = "",
        name: str = "",
        city: str = "",
        band: str = "",
        joined: int | None = None,
        left: int | None = None,
        profile: tuple[tuple[str, ...], ...] = (),
    ) -> OrganisationPlan:
        """A company; `profile` fixes its (processes, materials, markets, certifications)."""
        trade = (
            TRADES_BY_CODE[trade_code]
            if trade_code
            else self.random_.choices(TRADES, weights=[t.weight for t in TRADES])[0]
        )
        town = TOWNS_BY_CITY[city] if city else self.town()
        if not name:
            templates = LARGE_GROUP_NAMES if category == DuesCategory.LARGE_GROUP else trade.names
            name = self.name(templates, town, category)
        else:
            self.names.add(name)
        size = {DuesCategory.TPE: 0, DuesCategory.PME: 1}.get(category, 2)
        processes = self.pick(trade.processes, 2, 3 + size, keep_first=True)
        materials = self.pick(trade.materials, 2, 3 + size, keep_first=False)
        markets = self.pick(trade.markets, 1, 2 + size, keep_first=True)
        certifications = self.pick(trade.certifications, 1, 1 + size, keep_first=True)
        if category == DuesCategory.TPE and self.random_.random() < 0.4:
            certifications = ()
        if profile:
            processes, materials, markets, certifications = profile
        founded = self.random_.randint(1890, 2012)
        fr, en = describe(
            intro_fr=trade.intro_fr.format(name=name, founded=founded, city=town.city),
            intro_en=trade.intro_en.format(name=name, founded=founded, city=town.city),
            processes=processes,
            materials=materials,
            markets=markets,
            certifications=certifications,
        )
        slug = unique_slug(name, self.slugs)
        return OrganisationPlan(
            name=name,
            slug=slug,
            kind=OrganisationKind.COMPANY,
            dues_category=category,
            headcount_band=band or self.band(category),
            naf_code=trade.naf,
            siret=self.siret(),
            town=town,
            address=address_of(self.random_),
            description_fr=fr,
            description_en=en,
            website=website_of(slug),
            trade=trade.code,
            markets=markets,
            processes=processes,
            materials=materials,
            certifications=certifications,
            joined=joined if joined is not None else self.joined(former=left is not None),
            left=left,
        )

    def academic(self, entry: tuple[str, ...], kind: str) -> OrganisationPlan:
        name, city, band, fr, en, markets = entry
        self.names.add(name)
        slug = unique_slug(name, self.slugs)
        return OrganisationPlan(
            name=name,
            slug=slug,
            kind=kind,
            dues_category=DuesCategory.ACADEMIC,
            headcount_band=band,
            naf_code="72.19Z" if kind == OrganisationKind.LAB else "85.42Z",
            siret=self.siret(),
            town=TOWNS_BY_CITY[city],
            address=address_of(self.random_),
            description_fr=fr,
            description_en=en,
            website=website_of(slug),
            markets=tuple(markets.split()),
            joined=FIRST_YEAR + self.random_.randint(0, 7),
        )


def _former_left(planner: _Planner, joined: int, index: int) -> int:
    """The year a former member resigned: five of them this year, the others before."""
    if index < 5:
        return planner.year
    return planner.random_.randint(min(joined + 2, planner.year - 1), planner.year - 1)


def plan_organisations(year: int) -> list[OrganisationPlan]:
    """Every organisation of the demo, members first; the same list for the same year."""
    planner = _Planner(year=year)
    plans = [
        planner.company(
            DuesCategory.PME, trade_code="decolletage", name="Décolletage Vuillemin",
            city="Morteau", band="12", joined=FIRST_YEAR, profile=(
                ("decolletage", "tournage_cn", "ebavurage", "marquage_laser"),
                ("laiton", "inox", "titane"),
                ("luxe", "sante", "automobile"),
                ("iso_9001", "iso_13485"),
            ),
        ),
        planner.company(
            DuesCategory.PME, trade_code="usinage", name="Micro-Usinage du Haut-Doubs",
            city="Pontarlier", band="21", joined=2007,
        ),
        planner.company(
            DuesCategory.PME, trade_code="horlogerie", name="Horlogerie Mathez SAS",
            city="Besançon", band="11", joined=2006,
        ),
    ]  # fmt: skip
    plans += [planner.academic(entry, OrganisationKind.LAB) for entry in LABS]
    plans += [planner.academic(entry, OrganisationKind.SCHOOL) for entry in SCHOOLS]
    remaining = dict(COMPANY_CATEGORIES)
    remaining[DuesCategory.PME] -= 3
    for category, count in remaining.items():
        plans += [planner.company(category) for _ in range(count)]
    former = [category for category, count in FORMER_CATEGORIES.items() for _ in range(count)]
    for index, category in enumerate(former):
        joined = planner.joined(former=True)
        plans.append(
            planner.company(category, joined=joined, left=_former_left(planner, joined, index))
        )
    return plans


# name, city, headcount band, description FR, EN, markets (space-separated vocabulary codes)
LABS = (
    ("Laboratoire de micro-mécanique de Franche-Comté", "Besançon", "21",
     "Laboratoire public de recherche en micro-mécanique et micro-usinage : usinage ultra-"
     "précis, micro-assemblage, métrologie et caractérisation des matériaux (titane, "
     "silicium, céramiques techniques).",
     "Public research laboratory in micromechanics and micromachining: ultra-precision "
     "machining, micro-assembly, metrology and characterisation of materials (titanium, "
     "silicon, technical ceramics).", "instrumentation sante luxe"),
    ("Institut comtois des microsystèmes", "Besançon", "22",
     "Recherche sur les microsystèmes (MEMS), la microfabrication en salle blanche et les "
     "capteurs pour le spatial, la santé et les objets connectés.",
     "Research on microsystems (MEMS), clean-room microfabrication and sensors for space, "
     "health and connected devices.", "spatial sante objets_connectes"),
    ("Laboratoire temps-fréquence et photonique du Doubs", "Besançon", "21",
     "Oscillateurs, horloges atomiques compactes et optique de précision pour le spatial, "
     "la défense et l'instrumentation.",
     "Oscillators, compact atomic clocks and precision optics for space, defence and "
     "instrumentation.", "spatial defense instrumentation"),
    ("Laboratoire d'ingénierie biomédicale de Besançon", "Besançon", "12",
     "Dispositifs médicaux, biomatériaux et essais précliniques ; plateforme de "
     "caractérisation des implants en titane et en PEEK.",
     "Medical devices, biomaterials and preclinical testing; a platform to characterise "
     "titanium and PEEK implants.", "sante"),
    ("Laboratoire des matériaux et surfaces de Franche-Comté", "Besançon", "21",
     "Traitements de surface, dépôts PVD et couches minces, tribologie et corrosion des "
     "alliages pour l'horlogerie, l'aéronautique et le médical.",
     "Surface treatments, PVD and thin-film coatings, tribology and corrosion of alloys for "
     "watchmaking, aeronautics and medical devices.", "luxe aeronautique sante"),
    ("Laboratoire de mécatronique de Belfort-Montbéliard", "Belfort", "21",
     "Mécatronique, électronique embarquée, micromoteurs et actionneurs pour l'énergie, "
     "l'automobile et l'aéronautique.",
     "Mechatronics, embedded electronics, micro-motors and actuators for energy, automotive "
     "and aeronautics.", "energie automobile aeronautique"),
    ("Centre de recherche en micro-robotique du Doubs", "Besançon", "12",
     "Micro-robotique, micro-assemblage automatisé et vision pour la production de "
     "micro-composants et la chirurgie mini-invasive.",
     "Micro-robotics, automated micro-assembly and vision for micro-component production and "
     "minimally invasive surgery.", "sante industrie"),
    ("Plateforme de fabrication additive de Franche-Comté", "Montbéliard", "11",
     "Fabrication additive métal et polymère, traitement thermique et contrôle des pièces "
     "imprimées ; essais pour l'aéronautique et le médical.",
     "Metal and polymer additive manufacturing, heat treatment and inspection of printed "
     "parts; testing for aeronautics and medical devices.", "aeronautique sante spatial"),
    ("Laboratoire d'électronique et capteurs de Dijon", "Dijon", "21",
     "Capteurs, électronique embarquée et instrumentation pour la santé et l'environnement.",
     "Sensors, embedded electronics and instrumentation for health and the environment.",
     "sante instrumentation"),
    ("Laboratoire de tribologie du Jura", "Lons-le-Saunier", "11",
     "Frottement, usure et lubrification des petits mécanismes : horlogerie, connectique et "
     "dispositifs médicaux.",
     "Friction, wear and lubrication of small mechanisms: watchmaking, connectors and "
     "medical devices.", "luxe electronique sante"),
    ("Laboratoire des polymères et plasturgie du Haut-Jura", "Saint-Claude", "11",
     "Polymères techniques, injection plastique et micro-injection, silicone médical.",
     "Engineering polymers, plastic injection and micro-moulding, medical silicone.",
     "sante automobile"),
    ("Laboratoire d'optique de précision de Bourgogne", "Dijon", "12",
     "Optique de précision, verre et saphir, métrologie optique pour le spatial et la "
     "défense.",
     "Precision optics, glass and sapphire, optical metrology for space and defence.",
     "spatial defense"),
)  # fmt: skip
SCHOOLS = (
    ("École supérieure des techniques de précision de Besançon", "Besançon", "31",
     "École d'ingénieurs en mécanique, microtechniques et matériaux ; plateformes de "
     "micro-usinage et de métrologie ouvertes aux entreprises.",
     "Engineering school in mechanics, microtechnology and materials; micromachining and "
     "metrology platforms open to companies.", "industrie sante"),
    ("Institut d'ingénierie mécatronique de Belfort", "Belfort", "32",
     "Formation d'ingénieurs en mécatronique, énergie et systèmes embarqués.",
     "Engineering degrees in mechatronics, energy and embedded systems.",
     "energie automobile"),
    ("Lycée des métiers de l'horlogerie et de la microtechnique de Morteau", "Morteau", "22",
     "Formations en horlogerie, décolletage et microtechniques, du CAP au BTS.",
     "Training in watchmaking, bar turning and microtechnology, from vocational certificate "
     "to advanced technician diploma.", "luxe"),
    ("École d'ingénieurs en biomédical de Dijon", "Dijon", "22",
     "Ingénierie biomédicale, dispositifs médicaux et affaires réglementaires (ISO 13485).",
     "Biomedical engineering, medical devices and regulatory affairs (ISO 13485).", "sante"),
    ("Institut universitaire de génie mécanique du Nord Franche-Comté", "Montbéliard", "22",
     "Génie mécanique et productique, fabrication additive et usinage.",
     "Mechanical and production engineering, additive manufacturing and machining.",
     "industrie aeronautique"),
    ("Centre de formation aux métiers de la précision du Haut-Doubs", "Pontarlier", "12",
     "Apprentissage et formation continue : décolletage, tournage CN, métrologie.",
     "Apprenticeships and further training: bar turning, CNC turning, metrology.",
     "industrie luxe"),
    ("École de plasturgie et de micro-injection du Jura", "Saint-Claude", "12",
     "Formation aux métiers de la plasturgie, de l'injection plastique et de l'outillage.",
     "Training in plastics processing, plastic injection and tooling.", "sante automobile"),
    ("Institut d'optique et de photonique de Bourgogne-Franche-Comté", "Besançon", "21",
     "Enseignement et recherche en optique de précision et photonique.",
     "Teaching and research in precision optics and photonics.", "spatial instrumentation"),
)  # fmt: skip
