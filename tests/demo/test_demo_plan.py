"""The demo's plan is plain Python: the same for the same year, and valid before any write."""

import datetime

import phonenumbers
from stdnum.fr import siret as stdnum_siret

from grappe.core.services import DEFAULT_VOCABULARY
from grappe.demo.memberships import plan_memberships
from grappe.demo.names import TOWNS
from grappe.demo.organisations import plan_organisations
from grappe.demo.people import plan_people
from grappe.demo.pole import CLUSTERS, PARTNERS, STAFF, board_seats, cluster_members
from grappe.demo.trades import CERTIFICATIONS, MARKETS, MATERIALS, PROCESSES, TRADES
from grappe.members.geography import place_of_postcode
from grappe.members.validators import NAF_PATTERN


def test_the_plan_is_the_same_on_every_call():
    assert plan_organisations(2026) == plan_organisations(2026)
    assert plan_people(plan_organisations(2026)) == plan_people(plan_organisations(2026))


def test_every_town_has_a_real_postcode_in_its_departement():
    for town in TOWNS:
        place = place_of_postcode(town.postcode)
        assert place is not None, town
        assert place.departement == town.departement
        assert place.region == "27"  # Bourgogne-Franche-Comté
        assert town.city in place.communes or town.city == "Morez", town


def test_names_slugs_sirets_and_emails_are_unique():
    plans = plan_organisations(2026)
    assert len({plan.name for plan in plans}) == len(plans)
    assert len({plan.slug for plan in plans}) == len(plans)
    assert len({plan.siret[:9] for plan in plans}) == len(plans)
    assert all(stdnum_siret.is_valid(plan.siret) for plan in plans)
    assert all(NAF_PATTERN.match(plan.naf_code) for plan in plans)
    people = plan_people(plans) + [staff.person for staff in STAFF]
    assert len({person.email for person in people}) == len(people)
    for person in people:
        if person.phone:
            assert phonenumbers.is_valid_number(phonenumbers.parse(person.phone)), person


def test_descriptions_use_the_vocabulary():
    codes = {row.split(",")[0] for row in _vocabulary_rows()}
    assert set(PROCESSES) | set(MATERIALS) | set(MARKETS) | set(CERTIFICATIONS) <= codes
    for trade in TRADES:
        assert set(trade.processes) <= set(PROCESSES)
        assert set(trade.materials) <= set(MATERIALS)
        assert set(trade.markets) <= set(MARKETS)


def _vocabulary_rows() -> list[str]:
    return DEFAULT_VOCABULARY.read_text(encoding="utf-8").splitlines()[1:]


def test_board_clusters_and_partners_are_filled():
    plans = plan_organisations(2026)
    seats = board_seats(plans)
    assert len({seat.organisation for seat in seats}) == len(seats) == 11
    for cluster in CLUSTERS:
        assert 40 <= len(cluster_members(cluster, plans)) <= 70
    assert [p.organisation.name for p in PARTNERS if p.organisation.name.startswith("MEDICEN")]


def test_memberships_run_every_year_from_joining():
    plans = plan_organisations(2026)
    years = plan_memberships(plans, datetime.date(2026, 11, 26))
    by_slug = {}
    for year in years:
        by_slug.setdefault(year.slug, []).append(year.year)
    for plan in plans:
        expected = list(range(plan.joined, (plan.left or 2026) + 1))
        assert by_slug[plan.slug] == expected
