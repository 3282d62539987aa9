"""The meeting requests of MICRONORA 2026, planned in plain Python: who asks whom, with what
message and priority, and the answer.

Each participant asks about five others, chosen for what they offer against what the
participant seeks (and the other way round), weighted by how sought after they are: the
large buyers receive many requests, a small workshop few. Most requests are accepted; a
recipient declines when its agenda is full, when the two are not there on the same day, or
sometimes when the request does not interest it; some requests stay unanswered. The staff
add a few meetings between start-ups and members that suit them.
"""

from dataclasses import dataclass
from random import Random

from grappe.demo.events_participants import ACADEMIC, MEMBER, ParticipantPlan, label
from grappe.demo.events_visitors import BUYER, LAB, STARTUP, SUPPLIER
from grappe.demo.names import rng
from grappe.events.choices import Priority, RequestStatus

# How many requests a participant makes: about five.
REQUEST_COUNTS = (2, 3, 4, 4, 5, 5, 5, 6, 6, 7, 8)
# The most meetings a participant accepts over the two days, and over one.
MOST_MEETINGS = {2: 12, 1: 7}
STAFF_MEETINGS = 4
SELLERS = (MEMBER, SUPPLIER)

# Messages, by (requester's side, recipient's side); {term}: what the requester is about.
MESSAGES = {
    ("seller", BUYER): (
        "Bonjour, nous travaillons déjà pour des donneurs d'ordre de votre secteur en {term}. "
        "Nous serions heureux de vous présenter nos réalisations et nos capacités.",
        "Bonjour, votre besoin en {term} correspond exactement à notre savoir-faire. "
        "Pouvons-nous en parler à MICRONORA ?",
        "Bonjour, nous aimerions être consultés sur vos prochains projets : {term}, du "
        "prototype à la série.",
        "Bonjour, je vous apporterai des pièces types. Au plaisir d'échanger sur vos achats "
        "en {term}.",
    ),
    (BUYER, "seller"): (
        "Bonjour, nous cherchons un fournisseur en {term}. Votre profil nous intéresse : "
        "pouvons-nous faire le point sur vos capacités et vos délais ?",
        "Bonjour, nous qualifions de nouveaux fournisseurs en {term} pour 2027. Merci de "
        "venir avec vos références et vos certifications.",
        "Bonjour, nous avons un appel d'offres en cours en {term} : je souhaiterais vous "
        "rencontrer.",
    ),
    (STARTUP, "seller"): (
        "Bonjour, nous industrialisons notre dispositif et cherchons un partenaire en {term} "
        "pour les prototypes puis la présérie.",
        "Bonjour, start-up du dispositif médical, nous avons besoin de {term}. Pouvons-nous "
        "vous présenter notre projet ?",
    ),
    ("seller", "seller"): (
        "Bonjour, nous cherchons un partenaire en {term} pour livrer des pièces finies à nos "
        "clients : discutons d'une collaboration.",
        "Bonjour, nos activités sont complémentaires ({term}). Échangeons sur des offres communes.",
    ),
    ("research", "any"): (
        "Bonjour, notre plateforme peut vous accompagner en {term} : essais, prototypes, "
        "projets collaboratifs.",
        "Bonjour, nous montons un projet collaboratif sur {term} et cherchons des "
        "partenaires industriels.",
    ),
    ("any", "any"): (
        "Bonjour, votre activité nous intéresse : échangeons à MICRONORA.",
        "Bonjour, je serais ravi de vous rencontrer pendant le salon.",
    ),
}


@dataclass(frozen=True)
class RequestPlan:
    requester: str  # e-mail of the participant
    recipient: str
    message: str
    priority: int
    answer: str  # accepted, declined, or pending (no answer)


@dataclass(frozen=True)
class MeetingsPlan:
    requests: tuple[RequestPlan, ...]
    staff_meetings: tuple[tuple[str, str], ...]  # (e-mail, e-mail)


def match(asker: ParticipantPlan, asked: ParticipantPlan) -> float:
    """How well the asked one answers the asker's needs, and a little the other way round."""
    return len(set(asker.seeks) & set(asked.offers)) + 0.5 * len(
        set(asked.seeks) & set(asker.offers)
    )


def side(participant: ParticipantPlan) -> str:
    if participant.kind in SELLERS:
        return "seller"
    if participant.kind in (ACADEMIC, LAB):
        return "research"
    return participant.kind


def message(random_: Random, asker: ParticipantPlan, asked: ParticipantPlan) -> str:
    if random_.random() < 0.15:
        return ""  # some ask without a word
    common = [c for c in asker.seeks if c in asked.offers] or [
        c for c in asked.seeks if c in asker.offers
    ]
    sides = (side(asker), side(asked))
    keys = (sides, (sides[0], "any"), ("any", "any"))
    templates = next(MESSAGES[key] for key in keys if key in MESSAGES)
    if not common:
        templates = MESSAGES[("any", "any")]
    return random_.choice(templates).format(term=label(common[0]) if common else "")


def priority(random_: Random, score: float) -> int:
    draw = random_.random()
    if score >= 2:
        return Priority.HIGH if draw < 0.6 else Priority.NORMAL
    if score == 0:
        return Priority.LOW if draw < 0.4 else Priority.NORMAL
    return Priority.HIGH if draw < 0.15 else Priority.LOW if draw > 0.9 else Priority.NORMAL


def _targets(random_: Random, asker: ParticipantPlan, others: list, count: int) -> list:
    """Draw `count` participants to ask, without repeats, weighted by interest and fame."""
    weights = []
    for other in others:
        score = match(asker, other)
        weight = other.popularity * (0.15 + score)
        if score == 0 and asker.kind in SELLERS and other.kind in SELLERS:
            weight *= 0.3
        elif asker.kind == BUYER and other.kind == BUYER:
            weight *= 0.1  # buyers come to meet suppliers
        weights.append(weight)
    chosen: list[ParticipantPlan] = []
    while len(chosen) < min(count, len(others)):
        other = random_.choices(others, weights=weights)[0]
        if other not in chosen:
            chosen.append(other)
    return chosen


def plan_requests(participants: list[ParticipantPlan]) -> MeetingsPlan:
    random_ = rng("events/micronora-requests")
    askers = list(participants)
    random_.shuffle(askers)
    asked_pairs: set[frozenset[str]] = set()
    requests = []
    for asker in askers:
        count = random_.choice(REQUEST_COUNTS)
        if asker.kind == BUYER:
            count = max(1, count - 2)  # buyers are asked more than they ask
        others = [
            p
            for p in participants
            if p.organisation_name != asker.organisation_name
            and frozenset((asker.email, p.email)) not in asked_pairs
        ]
        for asked in _targets(random_, asker, others, count):
            asked_pairs.add(frozenset((asker.email, asked.email)))
            requests.append((asker, asked))
    meetings = {p.email: 0 for p in participants}
    answered = []
    for asker, asked in requests:
        score = match(asker, asked)
        answer = _answer(random_, asker, asked, score, meetings)
        if answer == RequestStatus.ACCEPTED:
            meetings[asker.email] += 1
            meetings[asked.email] += 1
        answered.append(
            RequestPlan(
                requester=asker.email,
                recipient=asked.email,
                message=message(random_, asker, asked),
                priority=priority(random_, score),
                answer=answer,
            )
        )
    return MeetingsPlan(
        requests=tuple(answered),
        staff_meetings=_staff_meetings(participants, asked_pairs, meetings),
    )


def _answer(
    random_: Random,
    asker: ParticipantPlan,
    asked: ParticipantPlan,
    score: float,
    meetings: dict[str, int],
) -> str:
    draw = random_.random()
    if draw < 0.08:
        return RequestStatus.PENDING
    same_day = set(asker.days) & set(asked.days)
    full = any(meetings[p.email] >= MOST_MEETINGS[len(p.days)] for p in (asker, asked))
    not_interested = draw < (0.4 if score == 0 else 0.16)
    if not same_day or full or not_interested:
        return RequestStatus.DECLINED
    return RequestStatus.ACCEPTED


def _staff_meetings(
    participants: list[ParticipantPlan],
    asked_pairs: set[frozenset[str]],
    meetings: dict[str, int],
) -> tuple[tuple[str, str], ...]:
    """The health cluster's animator puts start-ups in touch with the member that suits
    each best and whom they did not ask."""
    added = []
    startups = [p for p in participants if p.kind == STARTUP]
    members = [p for p in participants if p.kind == MEMBER]
    for startup in startups:
        candidates = [
            m
            for m in members
            if frozenset((startup.email, m.email)) not in asked_pairs
            and set(startup.days) & set(m.days)
            and meetings[m.email] < MOST_MEETINGS[len(m.days)]
        ]
        best = max(candidates, key=lambda m: (match(startup, m), m.popularity))
        if match(startup, best) > 0:
            added.append((startup.email, best.email))
            meetings[startup.email] += 1
            meetings[best.email] += 1
        if len(added) == STAFF_MEETINGS:
            break
    return tuple(added)
