"""The 300 participants of MICRONORA 2026's business meetings and their profiles.

190 are contacts of the pôle's members, who offer what their capability profile says
(capabilities.py: the same terms, the first sentences of the same text) and seek customers
in their markets, a new market or a partner; 110 are visitors (events_visitors.py): buyers,
start-ups, suppliers and laboratories from elsewhere. Each participant is there on both days
of meetings, or on one.
"""

import re
from dataclasses import dataclass
from random import Random

from django.utils.text import slugify

from grappe.core.services import DEFAULT_VOCABULARY, read_vocabulary_csv
from grappe.demo.capabilities import ProfilePlan
from grappe.demo.events_visitors import FIRST_NAMES, SURNAMES, VISITORS, Visitor
from grappe.demo.names import FIRST_NAMES_F, FIRST_NAMES_M, domain_of, plain, rng
from grappe.demo.organisations import OrganisationPlan
from grappe.demo.people import MEMBER_CONTACT, PersonPlan
from grappe.demo.trades import CERTIFICATIONS, MARKETS, MATERIALS, PROCESSES, join_fr
from grappe.members.choices import ContactRole, DuesCategory, OrganisationKind

PARTICIPANTS = 300
MEMBER_PARTICIPANTS = 190
MEMBER, ACADEMIC = "member", "academic"
BOTH_DAYS, FIRST_DAY, SECOND_DAY = (0, 1), (0,), (1,)
# Whom an organisation sends first: the sales side, else the head, else the engineers.
ROLE_ORDER = (ContactRole.SALES, ContactRole.EXECUTIVE, ContactRole.RD, ContactRole.QUALITY,
              ContactRole.OTHER)  # fmt: skip
POPULARITY = {DuesCategory.TPE: 0.5, DuesCategory.PME: 1, DuesCategory.ETI: 1.6,
              DuesCategory.LARGE_GROUP: 2, DuesCategory.ACADEMIC: 0.8}  # fmt: skip
SPREAD = (0.4, 0.7, 1, 1, 1, 1.4, 2)
# The partner processes a trade looks for, to deliver finished parts.
COMPLEMENTS = {
    "decolletage": ("traitement_thermique", "galvanoplastie", "depot_pvd", "polissage"),
    "usinage": ("traitement_thermique", "anodisation", "rectification", "metrologie"),
    "horlogerie": ("galvanoplastie", "depot_pvd", "decolletage"),
    "surface": ("polissage", "decolletage", "fraisage_5_axes"),
    "medical": ("assemblage_salle_blanche", "marquage_laser", "essais_caracterisation"),
    "instruments": ("electronique_embarquee", "optique_precision", "micro_usinage"),
    "machines": ("micromoteurs", "electronique_embarquee", "conception_mecanique"),
    "plasturgie": ("outillage", "assemblage_salle_blanche"),
    "ingenierie": ("fabrication_additive", "fraisage_5_axes", "electronique_embarquee"),
    "laser": ("micro_usinage", "polissage"),
    "ressorts": ("traitement_thermique", "galvanoplastie"),
    "connectique": ("galvanoplastie", "injection_plastique", "decolletage"),
    "optique": ("depot_pvd", "micro_usinage"),
    "outillage": ("electroerosion", "traitement_thermique", "depot_pvd"),
    "thermique": ("rectification", "metrologie"),
    "bijouterie": ("galvanoplastie", "micro_usinage", "decoupe_laser"),
    "emboutissage": ("outillage", "galvanoplastie", "traitement_thermique"),
    "microsystemes": ("micro_assemblage", "connectique"),
    "additive": ("fraisage_5_axes", "polissage", "essais_caracterisation"),
}
NEW_MARKETS = ("sante", "aeronautique", "spatial", "luxe", "energie", "defense")
SEEK_MARKETS = (
    "Nouveaux clients dans {markets}.",
    "Rencontrer des donneurs d'ordre dans {markets} qui cherchent un fournisseur réactif, "
    "du prototype à la série.",
    "Des acheteurs dans {markets} : nous avons de la capacité disponible dès le début de "
    "l'année prochaine.",
    "Développer nos ventes dans {markets}, en France et en Suisse.",
    "Présenter nos dernières réalisations aux donneurs d'ordre dans {markets}.",
)
SEEK_NEW_MARKET = (
    " Nous voulons aussi nous diversifier vers {market} : quels sont vos besoins ?",
    " Diversification vers {market} avec nos moyens actuels.",
)
SEEK_PARTNER = (
    " Un partenaire en {process} pour livrer des pièces finies.",
    " Nous cherchons aussi un sous-traitant en {process} proche de chez nous.",
)
SEEK_ACADEMIC = (
    "Des industriels pour des projets de R&D collaboratifs et des prestations sur notre "
    "plateforme.",
    "Des entreprises intéressées par nos étudiants (stages, alternance) et par des projets "
    "communs.",
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9])")
VOCABULARY = {row["code"]: row for row in read_vocabulary_csv(DEFAULT_VOCABULARY)}


@dataclass(frozen=True)
class ParticipantPlan:
    first_name: str
    last_name: str
    email: str
    organisation: str  # the member's slug; "" for a visitor
    organisation_name: str
    kind: str  # member, academic, or a visitor's kind (buyer, start-up, supplier, lab)
    popularity: float  # how much the others want to meet them, relatively
    offers: tuple[str, ...]  # vocabulary codes
    seeks: tuple[str, ...]
    offer: str
    seek: str
    days: tuple[int, ...]  # the days of meetings they are there (0, 1)


def label(code: str) -> str:
    """The vocabulary's French label as a sentence says it: "fraisage 5 axes", "ISO 13485"."""
    text = VOCABULARY[code]["label_fr"]
    return text if text[1:2].isupper() else text[0].lower() + text[1:]


def draw_days(random_: Random) -> tuple[int, ...]:
    draw = random_.random()
    return BOTH_DAYS if draw < 0.76 else FIRST_DAY if draw < 0.88 else SECOND_DAY


# Visitors -----------------------------------------------------------------------------------


def _name(random_: Random, visitor: Visitor) -> tuple[str, str]:
    feminine = random_.random() < 0.38
    if visitor.language in FIRST_NAMES:
        men, women = FIRST_NAMES[visitor.language]
    else:
        men, women = FIRST_NAMES_M, FIRST_NAMES_F
    return random_.choice(women if feminine else men), random_.choice(SURNAMES[visitor.language])


def plan_visitor_people() -> list[ParticipantPlan]:
    """The visitors' people, with their organisation's profile."""
    random_ = rng("events/visitors")
    people, emails = [], set()
    for visitor in VISITORS:
        domain = domain_of(slugify(visitor.name))
        for _index in range(visitor.people):
            first, last = _name(random_, visitor)
            while (email := f"{plain(first)}.{plain(last)}@{domain}") in emails:
                first, last = _name(random_, visitor)
            emails.add(email)
            people.append(
                ParticipantPlan(
                    first_name=first,
                    last_name=last,
                    email=email,
                    organisation="",
                    organisation_name=visitor.name,
                    kind=visitor.kind,
                    popularity=visitor.popularity * random_.choice(SPREAD),
                    offers=visitor.offers,
                    seeks=visitor.seeks,
                    offer=visitor.offer,
                    seek=visitor.seek,
                    days=draw_days(random_),
                )
            )
    return people


# Members ------------------------------------------------------------------------------------


def first_sentences(text: str, length: int = 160) -> str:
    """The opening of a capability text, as a participant pastes it: whole sentences."""
    line = text.splitlines()[0]
    sentences = SENTENCE_END.split(line)
    chosen = sentences[0]
    for sentence in sentences[1:]:
        if len(chosen) >= length:
            break
        chosen = f"{chosen} {sentence}"
    return chosen


def _member_offers(profile: ProfilePlan) -> tuple[str, ...]:
    processes = [code for code in profile.terms if code in PROCESSES][:3]
    materials = [code for code in profile.terms if code in MATERIALS][:2]
    certifications = [c for c in profile.terms if c in CERTIFICATIONS and c != "iso_9001"][:1]
    return (*processes, *materials, *certifications)


def _member_profile(
    random_: Random, organisation: OrganisationPlan, profile: ProfilePlan | None
) -> tuple[tuple[str, ...], tuple[str, ...], str, str]:
    """(offers, seeks, offer, seek) of a member's participant."""
    if organisation.kind != OrganisationKind.COMPANY:
        offers = tuple(c for c in (profile.terms if profile else ()) if c in PROCESSES)[:4]
        offer = first_sentences(profile.text_fr) if profile else organisation.description_fr
        return offers, organisation.markets[:2], offer, random_.choice(SEEK_ACADEMIC)
    offers = _member_offers(profile)
    markets = organisation.markets[:2]
    seek = random_.choice(SEEK_MARKETS).format(
        markets=join_fr([MARKETS[code][0] for code in markets])
    )
    seeks = list(markets)
    if random_.random() < 0.3:
        new = random_.choice([m for m in NEW_MARKETS if m not in organisation.markets])
        seeks.append(new)
        seek += random_.choice(SEEK_NEW_MARKET).format(market=MARKETS[new][0])
    partners = [c for c in COMPLEMENTS.get(organisation.trade, ()) if c not in profile.terms]
    if partners and random_.random() < 0.45:
        partner = random_.choice(partners)
        seeks.append(partner)
        seek += random_.choice(SEEK_PARTNER).format(process=label(partner))
    offer = first_sentences(profile.text_fr)
    if random_.random() < 0.4:
        offer += f" Retrouvez-nous sur notre stand, hall {random_.choice('ABC')}."
    return offers, tuple(seeks), offer, seek


def _contacts_in_order(people: list[PersonPlan]) -> dict[str, list[PersonPlan]]:
    by_organisation: dict[str, list[PersonPlan]] = {}
    for person in people:
        by_organisation.setdefault(person.organisation, []).append(person)
    for contacts in by_organisation.values():
        contacts.sort(key=lambda p: ROLE_ORDER.index(p.role) if p.role in ROLE_ORDER else 9)
    return by_organisation


def member_participants(
    organisations: list[OrganisationPlan],
    people: list[PersonPlan],
    profiles: dict[str, ProfilePlan],
) -> list[ParticipantPlan]:
    """The members' contacts at the meetings: one for most members that come, two for some
    larger ones; the member login's person among them."""
    random_ = rng("events/micronora-members")
    contacts = _contacts_in_order(people)
    members = [o for o in organisations if o.is_member and o.slug in contacts]
    random_.shuffle(members)
    login = next(o for o in members if o.slug == MEMBER_CONTACT[2])
    members.remove(login)
    coming = [login, *members[:150]]
    chosen: list[tuple[OrganisationPlan, PersonPlan]] = []
    for organisation in coming:
        first = contacts[organisation.slug][0]
        if organisation is login:
            first = next(p for p in contacts[login.slug] if p.first_name == MEMBER_CONTACT[0])
        chosen.append((organisation, first))
    larger = [
        o for o in coming if len(contacts[o.slug]) > 1 and o.dues_category != DuesCategory.ACADEMIC
    ]
    larger.sort(key=lambda o: -POPULARITY[o.dues_category])
    for organisation in larger[: MEMBER_PARTICIPANTS - len(chosen)]:
        taken = {person.email for _o, person in chosen}
        second = next(p for p in contacts[organisation.slug] if p.email not in taken)
        chosen.append((organisation, second))
    participants = []
    for organisation, person in chosen:
        offers, seeks, offer, seek = _member_profile(
            random_, organisation, profiles.get(organisation.slug)
        )
        participants.append(
            ParticipantPlan(
                first_name=person.first_name,
                last_name=person.last_name,
                email=person.email,
                organisation=organisation.slug,
                organisation_name=organisation.name,
                kind=MEMBER if organisation.kind == OrganisationKind.COMPANY else ACADEMIC,
                popularity=POPULARITY[organisation.dues_category] * random_.choice(SPREAD),
                offers=offers,
                seeks=seeks,
                offer=offer,
                seek=seek,
                days=BOTH_DAYS if organisation is login else draw_days(random_),
            )
        )
    return participants


def plan_participants(
    organisations: list[OrganisationPlan],
    people: list[PersonPlan],
    profiles: dict[str, ProfilePlan],
) -> list[ParticipantPlan]:
    """Every participant of the meetings: the members' contacts, then the visitors."""
    return [*member_participants(organisations, people, profiles), *plan_visitor_people()]
