"""Capability profiles of the demo's organisations, planned in plain Python.

Each company's trade (trades.py) offers a few specialities (the décolleteur for orthopaedic
implants, the one for watch pinions, ...); the organisation's own terms choose one. The
speciality then writes the profile as members write theirs: a line for some, a few
sentences with figures for others, in French and, for about a third, in English too; with
the machines they run and the tolerances they hold. Each organisation draws from a random
generator seeded by its slug, so adding organisations leaves the others unchanged.
"""

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from random import Random

from grappe.demo.names import rng
from grappe.demo.organisations import OrganisationPlan
from grappe.demo.trades import AERO_MARKETS, CERTIFICATIONS, MARKETS, join_en, join_fr
from grappe.members.choices import DuesCategory

Pair = tuple[str, str]  # (French, English)

# How members name their materials, more precisely than the vocabulary's labels.
MATERIAL_WORDS: dict[str, tuple[Pair, ...]] = {
    "titane": (("titane TA6V", "Ti-6Al-4V titanium"), ("titane grade 5", "grade 5 titanium"),
               ("titane TA6V ELI", "Ti-6Al-4V ELI titanium")),
    "inox": (("inox 316L", "316L stainless steel"), ("inox 17-4PH", "17-4PH stainless steel"),
             ("aciers inoxydables", "stainless steels")),
    "acier": (("aciers traités", "heat-treated steels"), ("acier 20AP", "20AP steel"),
              ("aciers à outils", "tool steels")),
    "laiton": (("laiton CuZn39Pb3", "CuZn39Pb3 brass"), ("laiton", "brass")),
    "aluminium": (("aluminium 7075", "7075 aluminium"), ("alliages d'aluminium",
                  "aluminium alloys")),
    "metaux_precieux": (("or 18 carats", "18k gold"), ("métaux précieux", "precious metals"),
                        ("platine", "platinum")),
    "cobalt_chrome": (("cobalt-chrome CoCrMo", "CoCrMo cobalt-chromium"),),
    "nitinol": (("nitinol", "nitinol"),),
    "cuivre": (("cuivre-béryllium", "beryllium copper"), ("bronze", "bronze")),
    "tungstene": (("carbure de tungstène", "tungsten carbide"),),
    "peek": (("PEEK", "PEEK"), ("PEEK implantable", "implantable PEEK")),
    "polymeres_techniques": (("POM", "POM"), ("PA66 chargé verre", "glass-filled PA66"),
                             ("thermoplastiques techniques", "engineering thermoplastics")),
    "silicone": (("silicone LSR", "LSR silicone"),),
    "ceramique": (("zircone", "zirconia"), ("alumine", "alumina")),
    "verre_saphir": (("saphir synthétique", "synthetic sapphire"),),
    "silicium": (("wafers silicium", "silicon wafers"),),
    "composites": (("composites carbone", "carbon composites"),),
}  # fmt: skip
# The numbers every text may use, when the speciality does not set its own.
COMMON_NUMBERS: dict[str, tuple[float, ...]] = {
    "delay": (3, 5, 8, 10, 15),
    "export": (15, 20, 30, 40, 60),
    "since": (1998, 2003, 2008, 2011, 2015, 2019),
}
STYLES = ("terse", "medium", "rich")
STYLE_WEIGHTS = {
    DuesCategory.TPE: (5, 4, 1),
    DuesCategory.PME: (3, 4, 3),
    DuesCategory.ETI: (1, 4, 5),
    DuesCategory.LARGE_GROUP: (0, 3, 7),
}
ENGLISH_ODDS = {DuesCategory.TPE: 0.15, DuesCategory.ETI: 0.6, DuesCategory.LARGE_GROUP: 0.9}
CERTIFIED_MARKETS = {
    "iso_13485": ("sante",),
    "en_9100": tuple(sorted(AERO_MARKETS)),  # aeronautics first
    "nadcap": tuple(sorted(AERO_MARKETS)),
    "iatf_16949": ("automobile",),
}
# Organisations whose profile is fixed in style: (style, with English); the member login's.
FIXED_STYLES = {"decolletage-vuillemin": ("rich", True)}


@dataclass(frozen=True)
class Machine:
    """A kind of machine; the French singular is what the equipment list shows."""

    fr: str
    fr_plural: str
    en_plural: str
    quantity: tuple[int, int]  # fewest, most in a medium-sized company
    envelopes: tuple[str, ...] = ("",)


@dataclass(frozen=True)
class Check:
    """A tolerance a workshop holds: the feature, the values it may quote, the process."""

    feature: str
    values: tuple[float, ...]
    process: str | None = None


@dataclass(frozen=True)
class Speciality:
    """One kind of workshop within a trade, and how its members describe themselves.

    The sentences are (French, English) templates; a sentence whose fields the
    organisation cannot fill (no equipment, no certification) is left out.
    """

    trade: str
    code: str
    openings: tuple[Pair, ...]
    details: tuple[Pair, ...]
    terse: tuple[Pair, ...]
    products: tuple[Pair, ...] = ()
    machines: tuple[Machine, ...] = ()
    checks: tuple[Check, ...] = ()
    numbers: Mapping[str, tuple[float, ...]] = field(default_factory=dict)
    adds: tuple[str, ...] = ()  # vocabulary codes the speciality always has
    materials: tuple[str, ...] = ()  # the materials its texts may name; empty: any
    when_name: tuple[str, ...] = ()  # any of these words in the name
    when: tuple[tuple[str, ...], ...] = ()  # each group: any of these codes held


@dataclass(frozen=True)
class ProfilePlan:
    slug: str
    terms: tuple[str, ...]  # vocabulary codes
    text_fr: str
    text_en: str
    equipment: tuple[tuple[str, int, str], ...] = ()  # machine, quantity, envelope
    tolerances: tuple[tuple[str, Decimal, str | None], ...] = ()  # feature, ± µm, process


def fr_number(value: float) -> str:
    """2.5 → "2,5"; 10000 → "10 000"; 2008 → "2008"."""
    if value != int(value):
        return f"{value:g}".replace(".", ",")
    return f"{int(value):,}".replace(",", " ") if value >= 10_000 else str(int(value))


def en_number(value: float) -> str:
    if value != int(value):
        return f"{value:g}"
    return f"{int(value):,}" if value >= 10_000 else str(int(value))


def fields_of(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def matches(speciality: Speciality, plan: OrganisationPlan) -> bool:
    """A word of the name, or a code of each group of the conditions, designates it."""
    codes = set(plan.processes + plan.materials + plan.markets + plan.certifications)
    if any(word in plan.name for word in speciality.when_name):
        return True
    return bool(speciality.when) and all(codes & set(group) for group in speciality.when)


def choose(specialities: Iterable[Speciality], plan: OrganisationPlan, random_: Random):
    """The first speciality whose conditions hold; among the unconditional ones, any."""
    candidates = [s for s in specialities if s.trade == plan.trade]
    for speciality in candidates:
        if (speciality.when or speciality.when_name) and matches(speciality, plan):
            return speciality
    return random_.choice([s for s in candidates if not (s.when or s.when_name)])


def _materials(codes: Iterable[str], random_: Random) -> tuple[str, str]:
    words = [random_.choice(MATERIAL_WORDS[code]) for code in codes]
    return join_fr([fr for fr, _en in words]), join_en([en for _fr, en in words])


def _markets(codes: tuple[str, ...]) -> tuple[str, str]:
    return join_fr([MARKETS[c][0] for c in codes]), join_en([MARKETS[c][1] for c in codes])


@dataclass
class _Writer:
    """Draws one organisation's figures, then fills the templates in both languages."""

    plan: OrganisationPlan
    speciality: Speciality
    random_: Random
    values_fr: dict[str, str] = field(default_factory=dict)
    values_en: dict[str, str] = field(default_factory=dict)

    def put(self, name: str, fr: str, en: str) -> None:
        self.values_fr[name], self.values_en[name] = fr, en

    def draw_numbers(self) -> None:
        numbers = {**COMMON_NUMBERS, **self.speciality.numbers}
        for name, choices in numbers.items():
            value = self.random_.choice(choices)
            self.put(name, fr_number(value), en_number(value))

    def draw_products(self) -> None:
        products = self.speciality.products
        if products:
            chosen = self.random_.sample(products, min(len(products), self.random_.randint(2, 3)))
            self.put("product", *chosen[0])
            self.put("products", join_fr([p[0] for p in chosen]), join_en([p[1] for p in chosen]))

    def draw_equipment(self, size: int) -> tuple[tuple[str, int, str], ...]:
        machines = self.speciality.machines
        if not machines:
            return ()
        count = min(len(machines), self.random_.randint(1, 2 + size))
        chosen = [machines[0], *self.random_.sample(machines[1:], count - 1)]
        equipment = []
        for machine in chosen:
            low, high = machine.quantity
            quantity = max(1, round(self.random_.randint(low, high) * (0.5, 1, 2.5, 5)[size]))
            equipment.append((machine.fr, quantity, self.random_.choice(machine.envelopes)))
        main, (_machine, quantity, envelope) = chosen[0], equipment[0]
        self.put("machine", main.fr, main.en_plural)
        if quantity > 1:
            # "8 7-axis lathes" reads badly: "8 × 7-axis lathes".
            times = " × " if main.en_plural[0].isdigit() else " "
            self.put("fleet", f"{quantity} {main.fr_plural}", f"{quantity}{times}{main.en_plural}")
        if envelope:
            self.put("envelope", *_envelope(envelope))
        if diameters := DIAMETERS.match(envelope):
            # The text quotes the diameters of the machines listed.
            low, high = (float(d.replace(",", ".")) for d in diameters.groups())
            self.put("dmin", fr_number(low), en_number(low))
            self.put("dmax", fr_number(high), en_number(high))
        return tuple(equipment)

    def draw_tolerances(self) -> tuple[tuple[str, Decimal, str | None], ...]:
        checks = self.speciality.checks
        if not checks:
            return ()
        count = min(len(checks), self.random_.randint(1, 3))
        chosen = [checks[0], *self.random_.sample(checks[1:], count - 1)]  # the main one first
        tolerances = [
            (c.feature, Decimal(str(self.random_.choice(c.values))), c.process) for c in chosen
        ]
        best = tolerances[0]
        self.put("tol", fr_number(float(best[1])), en_number(float(best[1])))
        return tuple(tolerances)

    def sentence(self, pair: Pair) -> Pair | None:
        fr, en = pair
        if not fields_of(fr) <= self.values_fr.keys() or not fields_of(en) <= self.values_en.keys():
            return None
        return fr.format(**self.values_fr), en.format(**self.values_en)


DIAMETERS = re.compile(r"Ø ([\d,]+)–([\d,]+) mm")
DECIMAL_COMMA = re.compile(r"(\d),(\d)")


# The French words of the working envelopes, for the English texts.
ENVELOPE_WORDS = (
    ("pièces jusqu'à", "parts up to"), ("jusqu'à", "up to"), ("cuves de", "tanks of"),
    ("chambre", "chamber"), ("champ", "field"), ("bande", "strip"), ("cartes", "boards"),
    ("composants", "components"), ("course", "stroke"), ("fil", "wire"), ("grappe", "shot"),
    ("moules", "moulds"), ("tôles", "sheet"),
)  # fmt: skip


def _envelope(envelope: str) -> Pair:
    english = DECIMAL_COMMA.sub(r"\1.\2", envelope)
    for french, word in ENVELOPE_WORDS:
        english = english.replace(french, word)
    return envelope, english


def plan_profile(plan: OrganisationPlan, speciality: Speciality, random_: Random) -> ProfilePlan:
    """The capability profile of one company, written from its speciality."""
    size = {DuesCategory.TPE: 0, DuesCategory.PME: 1, DuesCategory.ETI: 2}.get(
        plan.dues_category, 3
    )
    materials = tuple(dict.fromkeys(plan.materials + _of_facet(speciality.adds, "materials")))
    if speciality.materials:
        named = [code for code in speciality.materials if code in materials]
        materials = tuple(named or speciality.materials)
    markets = tuple(dict.fromkeys(plan.markets + _of_facet(speciality.adds, "markets")))
    certifications = tuple(dict.fromkeys(plan.certifications + _of_facet(speciality.adds, "certs")))
    terms = tuple(dict.fromkeys(
        plan.processes + plan.materials + plan.markets + plan.certifications + speciality.adds
    ))  # fmt: skip
    # A certification says which market the company serves, even if it did not write it.
    terms += tuple(
        served[0]
        for certification, served in CERTIFIED_MARKETS.items()
        if certification in terms and not set(served) & set(terms)
    )
    writer = _Writer(plan, speciality, random_)
    writer.draw_numbers()
    writer.draw_products()
    writer.put("name", plan.name, plan.name)
    writer.put("materials", *_materials(materials[:3], random_))
    writer.put("markets", *_markets(markets[:3]))
    if certifications:
        labels = [CERTIFICATIONS[c] for c in certifications]
        writer.put("certs", join_fr(labels), join_en(labels))
    equipment = writer.draw_equipment(size)
    tolerances = writer.draw_tolerances()
    if random_.random() > 0.5 + 0.1 * size:
        tolerances = ()  # quoted in the text, perhaps, but not listed
    style, english = FIXED_STYLES.get(plan.slug) or (
        random_.choices(STYLES, weights=STYLE_WEIGHTS.get(plan.dues_category, (2, 4, 4)))[0],
        random_.random() < ENGLISH_ODDS.get(plan.dues_category, 0.3),
    )
    fr, en = _compose(writer, style)
    fr = elide(fr)
    return ProfilePlan(
        slug=plan.slug,
        terms=terms,
        text_fr=fr,
        text_en=en if english else "",
        equipment=equipment if style != "terse" or random_.random() < 0.5 else (),
        tolerances=tolerances,
    )


def _of_facet(codes: tuple[str, ...], facet: str) -> tuple[str, ...]:
    known = {"materials": MATERIAL_WORDS, "markets": MARKETS, "certs": CERTIFICATIONS}[facet]
    return tuple(code for code in codes if code in known)


# Sentences any company may add, by subject: one of each subject at most.
GENERAL_DETAILS: tuple[tuple[Pair, ...], ...] = (
    (("Certifiés {certs}.", "Certified {certs}."),
     ("Système qualité {certs}, traçabilité complète par lot.",
      "{certs} quality system, full batch traceability.")),
    (("Nos clients sont dans {markets}.", "Our customers are in {markets}."),),
    (("Prototypes et premières pièces en {delay} jours ouvrés.",
      "Prototypes and first parts in {delay} working days."),),
    (("L'export représente {export} % de notre chiffre d'affaires.",
      "Exports account for {export}% of our turnover."),),
)  # fmt: skip


# What a one-line profile may end with, unless its line already says it.
TERSE_TAILS: tuple[Pair, ...] = (
    ("{certs}.", "{certs}."),
    ("Parc : {fleet}.", "Fleet: {fleet}."),
    ("Tolérances ± {tol} µm.", "Tolerances ± {tol} µm."),
)


def _compose(writer: _Writer, style: str) -> Pair:
    speciality, random_ = writer.speciality, writer.random_
    if style == "terse":
        fr, en = random_.choice([p for p in map(writer.sentence, speciality.terse) if p])
        words = set(fr.replace(",", " ").split())
        filled = [tail for tail in map(writer.sentence, TERSE_TAILS) if tail]
        tails = [tail for tail in filled if not set(tail[0].split()) & words]
        if tails and random_.random() < 0.6:
            tail_fr, tail_en = random_.choice(tails)
            return f"{fr} {tail_fr}", f"{en} {tail_en}"
        return fr, en
    opening = random_.choice([p for p in map(writer.sentence, speciality.openings) if p])
    details = [p for p in map(writer.sentence, speciality.details) if p]
    general = []
    for subject in GENERAL_DETAILS:
        if filled := [p for p in map(writer.sentence, subject) if p]:
            general.append(random_.choice(filled))
    if style == "medium":
        chosen = random_.sample(details, min(len(details), random_.randint(1, 2)))
        chosen += random_.sample(general, min(len(general), random_.randint(0, 1)))
    else:
        chosen = random_.sample(details, min(len(details), random_.randint(3, 5)))
        chosen += random_.sample(general, min(len(general), random_.randint(1, 2)))
    sentences = [opening, *chosen]
    if style == "rich" and random_.random() < 0.3:
        # Some members write a list rather than sentences.
        return (
            sentences[0][0] + "\n" + "\n".join(f"- {fr}" for fr, _en in sentences[1:]),
            sentences[0][1] + "\n" + "\n".join(f"- {en}" for _fr, en in sentences[1:]),
        )
    return " ".join(fr for fr, _en in sentences), " ".join(en for _fr, en in sentences)


ELISION = re.compile(r"\b([Dd])e ([aeiouéèêîô])")


def elide(text: str) -> str:
    """French elision where a template meets a word: "de implants" → "d'implants"."""
    return ELISION.sub(r"\1'\2", text)


def plan_profiles(
    plans: Iterable[OrganisationPlan],
    specialities: Iterable[Speciality],
    research: Mapping[str, ProfilePlan],
) -> list[ProfilePlan]:
    """The profile of every company with a trade, and of the labs and schools by name."""
    specialities = tuple(specialities)
    profiles = []
    for plan in plans:
        if plan.trade:
            random_ = rng(f"directory/{plan.slug}")
            speciality = choose(specialities, plan, random_)
            profiles.append(plan_profile(plan, speciality, random_))
        elif plan.slug in research:
            profile = research[plan.slug]
            terms = tuple(dict.fromkeys(profile.terms + plan.markets))
            profiles.append(replace(profile, terms=terms))
    return profiles
