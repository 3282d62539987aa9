"""The calls for projects that the demo's projects answered since 2005, and those open now.

Each funder publishes its calls on a fixed calendar: the FUI twice a year until 2018, the
ANR once a year, the Region once or twice, Europe's framework programmes, Bpifrance's i-Nov
contest from 2018 and PSPC-Régions from 2021. The pôle's committee examines the
applications three weeks before a call's deadline: that is when a round is decided.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property

from grappe.labelling.choices import Funder

FIRST_YEAR = 2005
# The committee meets this many days before the deadline of the calls it labels for.
COMMITTEE_LEAD_DAYS = 21

BPIFRANCE = (
    "Bpifrance, Direction de l'innovation",
    "27-31 avenue du Général Leclerc\n94710 Maisons-Alfort",
)
BPIFRANCE_BFC = (
    "Bpifrance, Direction régionale de Bourgogne-Franche-Comté, et Région Bourgogne-Franche-Comté",
    "4 square Castan\nCS 51857\n25031 Besançon Cedex",
)
STATE = (
    "Direction générale des Entreprises, Fonds unique interministériel",
    "Ministère de l'Économie et des Finances\n139 rue de Bercy\n75012 Paris",
)
ANR = (
    "Agence nationale de la recherche, Département Partenariats et compétitivité",
    "86 rue Regnault\n75013 Paris",
)
REGION_FC = (
    "Région Franche-Comté, Direction de l'économie",
    "4 square Castan\n25031 Besançon Cedex",
)
REGION_BFC = (
    "Région Bourgogne-Franche-Comté, Direction de l'économie",
    "4 square Castan\nCS 51857\n25031 Besançon Cedex",
)
EUROPE = (
    "Commission européenne, Direction générale de la recherche et de l'innovation",
    "1049 Bruxelles\nBelgique",
)


@dataclass(frozen=True)
class CallPlan:
    name: str
    funder: str
    addressee: str
    address: str
    deadline: datetime.date
    url: str = ""

    @property
    def key(self) -> tuple[str, datetime.date]:
        return (self.name, self.deadline)

    @cached_property
    def decided_on(self) -> datetime.date:
        """The day of the committee that labels the applications to this call."""
        return self.deadline - datetime.timedelta(days=COMMITTEE_LEAD_DAYS)

    def data(self) -> dict:
        return {
            "name": self.name,
            "funder": self.funder,
            "addressee": self.addressee,
            "address": self.address,
            "deadline": self.deadline,
            "url": self.url,
        }


def _call(name: str, funder: str, who: tuple[str, str], day: datetime.date) -> CallPlan:
    return CallPlan(name=name, funder=funder, addressee=who[0], address=who[1], deadline=day)


def calls_of(year: int) -> list[CallPlan]:
    """The calls whose deadline falls in `year`, in the order of their deadlines."""
    day = datetime.date
    calls = []
    if year <= 2018:
        wave = 2 * (year - FIRST_YEAR) + 1
        calls += [
            _call(f"FUI — appel à projets n° {wave}", Funder.OTHER, STATE, day(year, 3, 14)),
            _call(f"FUI — appel à projets n° {wave + 1}", Funder.OTHER, STATE, day(year, 10, 10)),
        ]
    programme = "appel à projets générique" if year >= 2014 else "programmes partenariaux"
    calls.append(_call(f"ANR — {programme} {year}", Funder.ANR, ANR, day(year, 3, 28)))
    if year <= 2015:
        calls.append(
            _call(
                f"Région Franche-Comté — projets collaboratifs {year}",
                Funder.REGION_BFC,
                REGION_FC,
                day(year, 6, 12),
            )
        )
    else:
        for session, month, date in (("printemps", 5, 29), ("automne", 11, 6)):
            calls.append(
                _call(
                    f"Région Bourgogne-Franche-Comté — innovation collaborative, {session} {year}",
                    Funder.REGION_BFC,
                    REGION_BFC,
                    day(year, month, date),
                )
            )
    if 2007 <= year <= 2013:
        calls.append(_call(f"7e PCRD — NMP {year}", Funder.OTHER, EUROPE, day(year, 11, 21)))
    elif 2014 <= year <= 2020:
        calls.append(
            _call(
                f"Horizon 2020 — Industrie du futur {year}", Funder.OTHER, EUROPE, day(year, 9, 3)
            )
        )
    elif year >= 2021:
        calls.append(
            _call(
                f"Horizon Europe — Cluster 4 « Numérique, industrie et espace » {year}",
                Funder.HORIZON_EUROPE,
                EUROPE,
                day(year, 9, 24),
            )
        )
    if year >= 2018:
        wave = 2 * (year - 2018) + 1
        calls += [
            _call(
                f"Concours d'innovation i-Nov — vague {wave}",
                Funder.BPI_INOV,
                BPIFRANCE,
                day(year, 3, 7),
            ),
            _call(
                f"Concours d'innovation i-Nov — vague {wave + 1}",
                Funder.BPI_INOV,
                BPIFRANCE,
                day(year, 10, 17),
            ),
        ]
    if year >= 2021:
        wave = 2 * (year - 2021) + 1
        for number, date in ((wave, day(year, 4, 23)), (wave + 1, day(year, 12, 11))):
            calls.append(
                _call(
                    f"PSPC-Régions Bourgogne-Franche-Comté — relève {number}",
                    Funder.PSPC_REGIONS,
                    BPIFRANCE_BFC,
                    date,
                )
            )
    return sorted(calls, key=lambda call: (call.deadline, call.name))


def plan_calls(today: datetime.date) -> list[CallPlan]:
    """Every call from 2005 to the calls of next year already published (their deadline
    within five months): the calls still open are those the live applications answer."""
    horizon = today + datetime.timedelta(days=150)
    calls = [call for year in range(FIRST_YEAR, today.year + 2) for call in calls_of(year)]
    return [call for call in calls if call.deadline <= horizon]


def open_calls(calls: list[CallPlan], today: datetime.date) -> list[CallPlan]:
    """The calls an application can still be prepared for: their committee is ahead."""
    return [call for call in calls if call.decided_on > today + datetime.timedelta(days=14)]
