"""The demo's events, planned in plain Python: MICRONORA 2026 with its business meetings, a
BIO Innovation day, the International Therapies Days, two trainings and a workshop that is
full, with who registers for each.

MICRONORA 2026 has its fixed dates (the show is held in Besançon in late September, every
two years); the pôle's own days are placed around the day the demo is built for, some past
(attended, checked in), some coming (registrations open, one full with a waiting list).
The same plan for the same day: each event draws from its own seeded generator.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from grappe.demo import directory
from grappe.demo.events_participants import ParticipantPlan, plan_participants
from grappe.demo.events_requests import MeetingsPlan, plan_requests
from grappe.demo.names import rng
from grappe.demo.organisations import OrganisationPlan, plan_organisations
from grappe.demo.people import MEMBER_CONTACT, PersonPlan, plan_people
from grappe.events.choices import Audience, EventKind, RegistrationStatus
from grappe.members.choices import ContactRole

MICRONORA_SLUG = "micronora-2026"
MICROPOLIS = ("Micropolis", "3 boulevard Ouest", "Besançon")
TEMIS = ("Maison des Microtechniques", "18 rue Alain Savary", "Besançon")
HEALTH_CLUSTER, AERO_CLUSTER = "innov-health", "aeromutech"
HOLIDAYS = ((12, 19), (1, 5))  # from 19 December to 5 January, nobody organises a day


@dataclass(frozen=True)
class Attendee:
    """A registration: a member's contact (found by e-mail) or a visitor."""

    first_name: str
    last_name: str
    email: str
    organisation: str  # a member's slug, or ""
    organisation_name: str
    status: str = RegistrationStatus.CONFIRMED
    checked_in: bool = False


@dataclass(frozen=True)
class B2BSession:
    """A session of the business meetings: consecutive slots of 20 minutes and a pause."""

    label: str
    day: datetime.date
    starts: datetime.time
    ends: datetime.time
    meeting_minutes: int = 20
    pause_minutes: int = 5
    tables: int = 40


@dataclass(frozen=True)
class EventPlan:
    slug: str
    kind: str
    title_fr: str
    title_en: str
    description_fr: str
    description_en: str
    starts_at: datetime.datetime  # naive, local time
    ends_at: datetime.datetime
    place: tuple[str, str, str]  # venue, address, city
    capacity: int | None
    price_member: Decimal
    price_non_member: Decimal
    registration_opens_at: datetime.datetime
    registration_closes_at: datetime.datetime
    cluster: str = ""  # slug
    audience: str = Audience.PUBLIC
    has_waiting_list: bool = True
    b2b_enabled: bool = False
    attendees: tuple[Attendee, ...] = ()
    sessions: tuple[B2BSession, ...] = ()

    def data(self) -> dict:
        """The fields as the event services take them, but for the cluster (a slug here) and
        the times (naive here)."""
        venue, address, city = self.place
        return {
            "kind": self.kind,
            "title_fr": self.title_fr,
            "title_en": self.title_en,
            "description_fr": self.description_fr,
            "description_en": self.description_en,
            "venue": venue,
            "address": address,
            "city": city,
            "capacity": self.capacity,
            "has_waiting_list": self.has_waiting_list,
            "price_member": self.price_member,
            "price_non_member": self.price_non_member,
            "audience": self.audience,
            "b2b_enabled": self.b2b_enabled,
        }


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute))


def weekday_from(day: datetime.date, weekday: int) -> datetime.date:
    """The first `weekday` (0 = Monday) on or after `day`, outside the year-end holidays."""
    day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
    (end_month, end_day), (start_month, start_day) = HOLIDAYS[1], HOLIDAYS[0]
    if (day.month, day.day) >= (start_month, start_day) or (day.month, day.day) <= (
        end_month,
        end_day,
    ):
        year = day.year + 1 if day.month == 12 else day.year
        return weekday_from(datetime.date(year, end_month, end_day + 1), weekday)
    return day


def attendee(person: PersonPlan, name: str, **kwargs) -> Attendee:
    return Attendee(
        person.first_name, person.last_name, person.email, person.organisation, name, **kwargs
    )


def guest(participant: ParticipantPlan, **kwargs) -> Attendee:
    return Attendee(
        participant.first_name,
        participant.last_name,
        participant.email,
        "",
        participant.organisation_name,
        **kwargs,
    )


# MICRONORA 2026 -----------------------------------------------------------------------------

MICRONORA_DAYS = (datetime.date(2026, 9, 22), datetime.date(2026, 9, 25))
B2B_DAYS = (datetime.date(2026, 9, 23), datetime.date(2026, 9, 24))
B2B_DAY_NAMES = ("mercredi 23", "jeudi 24")
MORNING = (datetime.time(9), datetime.time(12, 30))
AFTERNOON = (datetime.time(14), datetime.time(17, 30))


def micronora_sessions() -> tuple[B2BSession, ...]:
    """Two days of meetings, a morning and an afternoon each: 8 slots of 20 minutes and 5
    minutes to change tables per session, 40 tables."""
    return tuple(
        B2BSession(f"{name} {half}", day, *hours)
        for day, name in zip(B2B_DAYS, B2B_DAY_NAMES, strict=True)
        for half, hours in (("matin", MORNING), ("après-midi", AFTERNOON))
    )


def micronora(participants: list[ParticipantPlan]) -> EventPlan:
    first, last = MICRONORA_DAYS
    return EventPlan(
        slug=MICRONORA_SLUG,
        kind=EventKind.TRADE_SHOW,
        title_fr="MICRONORA 2026 — rendez-vous d'affaires",
        title_en="MICRONORA 2026 — business meetings",
        description_fr=(
            "MICRONORA, le salon international des microtechniques et de la précision, "
            "réunit tous les deux ans à Micropolis les sous-traitants, les donneurs d'ordre "
            "et les laboratoires du « petit » et du précis : santé, horlogerie et luxe, "
            "aéronautique et spatial, automobile.\n\n"
            "Le pôle y organise les rendez-vous d'affaires : des rencontres de 20 minutes "
            "préprogrammées entre acheteurs et fournisseurs, le mercredi 23 et le jeudi 24 "
            "septembre, de 9 h à 12 h 30 et de 14 h à 17 h 30, sur l'espace rendez-vous du "
            "hall B. Publiez votre profil, demandez vos rendez-vous, recevez votre agenda."
        ),
        description_en=(
            "MICRONORA, the international microtechnology and precision trade show, brings "
            "together every two years at Micropolis the suppliers, prime contractors and "
            "laboratories of small and precise things: health, watchmaking and luxury, "
            "aeronautics and space, automotive.\n\n"
            "The pôle runs its business meetings: pre-arranged 20-minute meetings between "
            "buyers and suppliers on Wednesday 23 and Thursday 24 September, 9:00–12:30 and "
            "14:00–17:30, in the meeting area of hall B. Publish your profile, request your "
            "meetings, receive your agenda."
        ),
        starts_at=at(first, 9),
        ends_at=at(last, 17),
        place=MICROPOLIS,
        capacity=320,
        price_member=Decimal("0"),
        price_non_member=Decimal("95"),
        registration_opens_at=at(datetime.date(2026, 5, 4), 9),
        registration_closes_at=at(datetime.date(2026, 9, 11), 18),
        b2b_enabled=True,
        attendees=tuple(
            Attendee(p.first_name, p.last_name, p.email, p.organisation, p.organisation_name)
            for p in participants
        ),
        sessions=micronora_sessions(),
    )


# The pôle's own days -----------------------------------------------------------------------


@dataclass(frozen=True)
class Crowd:
    """Who may come to the pôle's days: the members' contacts and the visitors."""

    organisations: dict[str, OrganisationPlan]
    people: list[PersonPlan]
    visitors: list[ParticipantPlan]

    def members(self, *, health: bool = False, trade: str = "", roles: tuple = ()) -> list:
        chosen = []
        for person in self.people:
            organisation = self.organisations.get(person.organisation)
            if organisation is None or not organisation.is_member:
                continue
            if health and not organisation.in_health:
                continue
            if trade and organisation.trade != trade:
                continue
            if roles and person.role not in roles:
                continue
            chosen.append(attendee(person, organisation.name))
        return chosen

    def health_visitors(self) -> list[Attendee]:
        return [guest(v) for v in self.visitors if "sante" in v.offers + v.seeks]


def draw(random_, people: list[Attendee], count: int, first: Attendee | None = None) -> list:
    chosen = random_.sample([p for p in people if p != first], count - (first is not None))
    return [first, *chosen] if first is not None else chosen


def bio_innovation(today: datetime.date, crowd: Crowd) -> EventPlan:
    """A business convention of the health cluster, three weeks ahead: registrations open."""
    random_ = rng("events/bio-innovation")
    day = weekday_from(today + datetime.timedelta(days=16), 1)
    people = draw(random_, crowd.members(health=True), 42)
    people += draw(random_, crowd.health_visitors(), 18)
    pending = [
        Attendee("Amélie", "Chauvet", "amelie.chauvet@biotech-franche-comte.example", "",
                 "Biotech Franche-Comté", status=RegistrationStatus.PENDING),
        Attendee("Youssef", "Bennani", "y.bennani@clinique-saint-vincent.example", "",
                 "Clinique Saint-Vincent", status=RegistrationStatus.PENDING),
    ]  # fmt: skip
    return EventPlan(
        slug=f"bio-innovation-{day.year}",
        kind=EventKind.BUSINESS_CONVENTION,
        title_fr=f"BIO Innovation {day.year} — la journée d'affaires de la santé",
        title_en=f"BIO Innovation {day.year} — the health business day",
        description_fr=(
            "La journée d'affaires des acteurs du dispositif médical de Bourgogne-Franche-"
            "Comté, avec MEDICEN et les pôles santé partenaires : pitchs de start-up, table "
            "ronde des donneurs d'ordre sur leurs achats, démonstrations des plateformes des "
            "laboratoires, et le déjeuner pour se rencontrer."
        ),
        description_en=(
            "The business day of the medical-device companies of Bourgogne-Franche-Comté, "
            "with MEDICEN and the partner health clusters: start-up pitches, a round table "
            "of prime contractors on their purchasing, lab platform demonstrations, and lunch "
            "to meet."
        ),
        starts_at=at(day, 9),
        ends_at=at(day, 17, 30),
        place=TEMIS,
        capacity=150,
        price_member=Decimal("0"),
        price_non_member=Decimal("60"),
        registration_opens_at=at(day - datetime.timedelta(days=60), 9),
        registration_closes_at=at(day - datetime.timedelta(days=1), 18),
        cluster=HEALTH_CLUSTER,
        attendees=(*people, *pending),
    )


def therapies_days(today: datetime.date, crowd: Crowd) -> EventPlan:
    """The International Therapies Days, two months ago: attended, a few cancellations."""
    random_ = rng("events/therapies-days")
    day = weekday_from(today - datetime.timedelta(days=60), 1)
    people = draw(random_, crowd.members(health=True), 76)
    people += draw(random_, crowd.health_visitors(), 30)
    attendees = []
    for index, person in enumerate(people):
        if index % 17 == 5:
            attendees.append(_with(person, status=RegistrationStatus.CANCELLED))
        else:
            attendees.append(_with(person, checked_in=random_.random() < 0.88))
    return EventPlan(
        slug=f"international-therapies-days-{day.year}",
        kind=EventKind.CONFERENCE,
        title_fr=f"International Therapies Days {day.year}",
        title_en=f"International Therapies Days {day.year}",
        description_fr=(
            "Deux jours de conférences sur les thérapies innovantes et les dispositifs qui "
            "les rendent possibles : implants actifs, dispositifs d'administration, "
            "biocapteurs. Cliniciens, chercheurs et industriels, en français et en anglais."
        ),
        description_en=(
            "Two days of talks on innovative therapies and the devices that make them "
            "possible: active implants, delivery devices, biosensors. Clinicians, researchers "
            "and manufacturers, in French and English."
        ),
        starts_at=at(day, 9),
        ends_at=at(day + datetime.timedelta(days=1), 17),
        place=("UFR Santé, amphithéâtre A", "19 rue Ambroise Paré", "Besançon"),
        capacity=180,
        price_member=Decimal("0"),
        price_non_member=Decimal("120"),
        registration_opens_at=at(day - datetime.timedelta(days=90), 9),
        registration_closes_at=at(day - datetime.timedelta(days=3), 18),
        cluster=HEALTH_CLUSTER,
        attendees=tuple(attendees),
    )


def _with(person: Attendee, **changes) -> Attendee:
    return Attendee(**{**person.__dict__, **changes})


def iso_13485_training(today: datetime.date, crowd: Crowd) -> EventPlan:
    """A two-day training, a month ago: eleven trainees, ten came."""
    random_ = rng("events/iso-13485")
    day = weekday_from(today - datetime.timedelta(days=30), 1)
    quality = (ContactRole.QUALITY, ContactRole.EXECUTIVE)
    people = draw(random_, crowd.members(health=True, roles=quality), 11)
    attendees = [_with(p, checked_in=index != 7) for index, p in enumerate(people)]
    return EventPlan(
        slug=f"formation-iso-13485-{day:%Y-%m}",
        kind=EventKind.TRAINING,
        title_fr="ISO 13485 pour les sous-traitants du dispositif médical",
        title_en="ISO 13485 for medical-device subcontractors",
        description_fr=(
            "Deux jours pour mettre en place ou consolider le système qualité d'un "
            "sous-traitant : exigences de l'ISO 13485:2016, maîtrise des procédés spéciaux et "
            "validation (QI/QO/QP), traçabilité des lots, ce que le règlement (UE) 2017/745 "
            "change pour les fournisseurs. Exercices sur les documents des participants."
        ),
        description_en=(
            "Two days to set up or strengthen a subcontractor's quality system: the "
            "requirements of ISO 13485:2016, special processes and their validation "
            "(IQ/OQ/PQ), batch traceability, what Regulation (EU) 2017/745 changes for "
            "suppliers. Exercises on the participants' own documents."
        ),
        starts_at=at(day, 9),
        ends_at=at(day + datetime.timedelta(days=1), 17),
        place=("Pôle des Microtechniques, salle de formation", *TEMIS[1:]),
        capacity=12,
        price_member=Decimal("690"),
        price_non_member=Decimal("950"),
        registration_opens_at=at(day - datetime.timedelta(days=75), 9),
        registration_closes_at=at(day - datetime.timedelta(days=7), 18),
        cluster=HEALTH_CLUSTER,
        attendees=tuple(attendees),
    )


def swiss_turning_training(today: datetime.date, crowd: Crowd) -> EventPlan:
    """Three days of bar-turning programming, in about six weeks: six of eight seats taken."""
    random_ = rng("events/swiss-turning")
    day = weekday_from(today + datetime.timedelta(days=40), 1)
    people = draw(random_, crowd.members(trade="decolletage"), 6)
    return EventPlan(
        slug=f"formation-programmation-decolletage-{day:%Y-%m}",
        kind=EventKind.TRAINING,
        title_fr="Programmation des tours à poupée mobile — perfectionnement",
        title_en="Programming Swiss-type lathes — advanced",
        description_fr=(
            "Trois jours en atelier pour les régleurs et programmeurs en décolletage : "
            "programmation ISO sur tours à poupée mobile 7 axes, synchronisation des canaux, "
            "tourbillonnage et polygonage, optimisation des temps de cycle. Huit stagiaires, "
            "un tour chacun pour deux."
        ),
        description_en=(
            "Three days on the shop floor for Swiss-turning setters and programmers: ISO "
            "programming of 7-axis sliding-headstock lathes, channel synchronisation, thread "
            "whirling and polygon turning, cycle-time optimisation. Eight trainees, one lathe "
            "for two."
        ),
        starts_at=at(day, 8, 30),
        ends_at=at(day + datetime.timedelta(days=2), 17),
        place=("Lycée Edgar Faure, atelier de décolletage", "", "Morteau"),
        capacity=8,
        price_member=Decimal("1150"),
        price_non_member=Decimal("1490"),
        registration_opens_at=at(day - datetime.timedelta(days=90), 9),
        registration_closes_at=at(day - datetime.timedelta(days=10), 18),
        attendees=tuple(people),
    )


def udi_workshop(today: datetime.date, crowd: Crowd) -> EventPlan:
    """A members' workshop in ten days: full, six on the waiting list; the member login has
    its seat."""
    random_ = rng("events/udi-workshop")
    day = weekday_from(today + datetime.timedelta(days=9), 3)
    contacts = crowd.members(health=True)
    login = next(a for a in contacts if (a.first_name, a.last_name) == MEMBER_CONTACT[:2])
    people = draw(random_, contacts, 26, first=login)
    attendees = [
        _with(p, status=RegistrationStatus.WAITING) if index >= 20 else p
        for index, p in enumerate(people)
    ]
    return EventPlan(
        slug=f"atelier-udi-{day:%Y-%m}",
        kind=EventKind.WORKSHOP,
        title_fr="Atelier : marquage UDI et traçabilité des dispositifs médicaux",
        title_en="Workshop: UDI marking and medical-device traceability",
        description_fr=(
            "Une matinée entre adhérents pour faire le point sur l'identification unique des "
            "dispositifs (UDI) : ce que le règlement européen impose aux fabricants et à "
            "leurs sous-traitants, marquage laser direct sur implants et instruments, "
            "lecture et contrôle des codes, retours d'expérience de deux adhérents."
        ),
        description_en=(
            "A morning among members on unique device identification (UDI): what the EU "
            "regulation requires of manufacturers and their subcontractors, direct laser "
            "marking on implants and instruments, reading and checking the codes, and two "
            "members' experience."
        ),
        starts_at=at(day, 9),
        ends_at=at(day, 12, 30),
        place=TEMIS,
        capacity=20,
        price_member=Decimal("0"),
        price_non_member=Decimal("0"),
        registration_opens_at=at(day - datetime.timedelta(days=45), 9),
        registration_closes_at=at(day - datetime.timedelta(days=1), 12),
        cluster=HEALTH_CLUSTER,
        audience=Audience.MEMBERS,
        attendees=tuple(attendees),
    )


def plan_events(
    today: datetime.date,
    organisations: list[OrganisationPlan],
    people: list[PersonPlan],
    participants: list[ParticipantPlan],
) -> list[EventPlan]:
    """Every event of the demo, in the order of their dates."""
    crowd = Crowd(
        {plan.slug: plan for plan in organisations},
        people,
        [p for p in participants if not p.organisation],
    )
    events = [
        micronora(participants),
        therapies_days(today, crowd),
        iso_13485_training(today, crowd),
        udi_workshop(today, crowd),
        bio_innovation(today, crowd),
        swiss_turning_training(today, crowd),
    ]
    return sorted(events, key=lambda event: event.starts_at)


@dataclass(frozen=True)
class EventsPlan:
    events: list[EventPlan]
    participants: list[ParticipantPlan]  # MICRONORA's business meetings
    meetings: MeetingsPlan

    @property
    def micronora(self) -> EventPlan:
        return next(event for event in self.events if event.slug == MICRONORA_SLUG)


def plan(today: datetime.date) -> EventsPlan:
    """The events of the demo built on `today`."""
    organisations = plan_organisations(today.year)
    people = plan_people(organisations)
    profiles = {profile.slug: profile for profile in directory.plan(today.year)}
    participants = plan_participants(organisations, people, profiles)
    return EventsPlan(
        events=plan_events(today, organisations, people, participants),
        participants=participants,
        meetings=plan_requests(participants),
    )
