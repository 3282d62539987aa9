"""The demo's capability directory: varied, consistent profiles, searchable, written once."""

import io
import re
import string
from collections import Counter

import pytest
from django.core.management import call_command
from django.utils import timezone

from grappe.core.models import ActivityLog, Facet
from grappe.core.services import DEFAULT_VOCABULARY, read_vocabulary_csv
from grappe.demo.capabilities import (
    COMMON_NUMBERS,
    GENERAL_DETAILS,
    MATERIAL_WORDS,
    _envelope,
    plan_profiles,
)
from grappe.demo.directory import SPECIALITIES, plan
from grappe.demo.organisations import plan_organisations
from grappe.demo.research import RESEARCH_BY_SLUG
from grappe.demo.trades import TRADES
from grappe.directory.models import (
    Capability,
    CapabilityProfile,
    Equipment,
    SearchDocument,
    Tolerance,
)
from grappe.directory.search.service import search
from grappe.directory.search.types import SearchQuery
from grappe.members import queries
from grappe.members.choices import OrganisationKind
from grappe.members.models import Organisation

YEAR = 2026
VOCABULARY = {row["code"]: row["facet"] for row in read_vocabulary_csv(DEFAULT_VOCABULARY)}
# The fields every company's texts may use, besides the speciality's numbers.
FIELDS = {"name", "materials", "markets", "certs", "product", "products", "machine", "fleet",
          "envelope", "tol", "dmin", "dmax", *COMMON_NUMBERS}  # fmt: skip
DECOLLETAGE = "25.62A"
MEDICAL_DECOLLETEURS_MIN = 6


def fields_of(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


# The plan: plain Python, no database.


def test_the_plan_is_the_same_on_every_call_and_each_profile_is_seeded_by_its_slug():
    plans = plan_organisations(YEAR)
    assert plan(YEAR) == plan(YEAR)
    alone = plan_profiles(plans[40:60], SPECIALITIES, RESEARCH_BY_SLUG)
    in_full = {profile.slug: profile for profile in plan(YEAR)}
    assert all(profile == in_full[profile.slug] for profile in alone)


def test_every_company_lab_and_school_has_a_profile_in_the_vocabulary():
    plans = plan_organisations(YEAR)
    profiles = {profile.slug: profile for profile in plan(YEAR)}
    academic = [p for p in plans if p.kind in (OrganisationKind.LAB, OrganisationKind.SCHOOL)]
    assert all(p.slug in profiles for p in plans if p.trade)
    assert all(p.slug in profiles for p in academic)
    for profile in profiles.values():
        assert set(profile.terms) <= VOCABULARY.keys(), profile.slug
        assert len(set(profile.terms)) == len(profile.terms)
        assert any(VOCABULARY[code] == Facet.PROCESS for code in profile.terms), profile.slug
        assert profile.text_fr
        for _feature, amount, process in profile.tolerances:
            assert amount > 0
            assert process is None or VOCABULARY[process] == Facet.PROCESS


def test_every_template_field_is_one_the_writer_fills():
    for speciality in SPECIALITIES:
        known = FIELDS | set(speciality.numbers)
        templates = speciality.openings + speciality.details + speciality.terse
        for fr, en in templates:
            assert fields_of(fr) == fields_of(en), (speciality.code, fr)
            assert fields_of(fr) <= known, (speciality.code, fr)
        assert set(speciality.adds) <= VOCABULARY.keys(), speciality.code
        assert set(speciality.materials) <= MATERIAL_WORDS.keys(), speciality.code
        assert all(check.process in VOCABULARY for check in speciality.checks if check.process)
    for subject in GENERAL_DETAILS:
        assert all(fields_of(fr) <= FIELDS for fr, _en in subject)


def test_every_trade_has_a_speciality_for_any_company():
    for trade in TRADES:
        own = [s for s in SPECIALITIES if s.trade == trade.code]
        assert any(not (s.when or s.when_name) for s in own), trade.code


def test_envelopes_are_written_in_english_for_the_english_texts():
    envelopes = {e for s in SPECIALITIES for m in s.machines for e in m.envelopes}
    for envelope in envelopes:
        _fr, en = _envelope(envelope)
        assert not re.search(r"[éèàô]|\d,\d|\b(de|à|fil|cuves)\b", en), en


def test_profiles_are_varied_like_members_write_them():
    profiles = plan(YEAR)
    lengths = [len(profile.text_fr) for profile in profiles]
    assert min(lengths) < 80, "some members write one line"
    assert max(lengths) > 500, "some write a page"
    assert len({profile.text_fr for profile in profiles}) > len(profiles) * 0.9
    english = sum(bool(profile.text_en) for profile in profiles) / len(profiles)
    assert 0.25 <= english <= 0.5, "about a third also write in English"
    assert any("\n- " in profile.text_fr for profile in profiles), "some write lists"
    assert sum(bool(profile.equipment) for profile in profiles) > len(profiles) / 2
    assert sum(bool(profile.tolerances) for profile in profiles) > len(profiles) / 5
    assert not [p.slug for p in profiles if re.search(r"\b[Dd]e [aeiouéè]", p.text_fr)]


def test_watch_and_medical_bar_turners_write_about_their_parts():
    plans = {p.slug: p for p in plan_organisations(YEAR)}
    medical = watch = 0
    for profile in plan(YEAR):
        if plans[profile.slug].naf_code != DECOLLETAGE:
            continue
        terms, text = set(profile.terms), profile.text_fr.lower()
        if {"sante", "titane", "iso_13485"} <= terms:
            medical += 1
            assert re.search(r"vis |implants rachidiens", text), profile.slug
            assert "laiton" not in text, "no brass in implants"
        elif {"luxe", "laiton"} <= terms and re.search(r"pignons|axes|tiges", text):
            watch += 1
    assert medical >= MEDICAL_DECOLLETEURS_MIN
    assert watch >= 8


def test_certifications_name_the_markets_they_serve():
    for profile in plan(YEAR):
        terms = set(profile.terms)
        if "iso_13485" in terms:
            assert "sante" in terms, profile.slug
        if terms & {"en_9100", "nadcap"}:
            assert terms & {"aeronautique", "spatial", "defense"}, profile.slug
        if "iatf_16949" in terms:
            assert "automobile" in terms, profile.slug


# The demo in the database (built twice by the `demo` fixture of conftest.py).


def directory_snapshot() -> dict:
    return {
        "capabilities": sorted(Capability.objects.values_list("organisation__slug", "term__code")),
        "profiles": sorted(
            CapabilityProfile.objects.values_list(
                "organisation__slug", "text_fr", "text_en", "updated_at"
            )
        ),
        "equipment": sorted(
            Equipment.objects.values_list("organisation__slug", "machine", "quantity", "envelope")
        ),
        "tolerances": sorted(
            Tolerance.objects.values_list(
                "organisation__slug", "feature", "plus_minus_um", "process__code"
            ),
            key=str,
        ),
    }


@pytest.mark.django_db
def test_every_member_has_a_process_and_a_capability_text(demo):
    members = queries.members(timezone.localdate().year)
    assert members.count() == 180
    with_process = members.filter(capabilities__term__facet=Facet.PROCESS).distinct()
    assert with_process.count() == 180
    texts = CapabilityProfile.objects.filter(organisation__in=members).exclude(text_fr="")
    assert texts.count() == 180
    assert Equipment.objects.filter(organisation__in=members).values("organisation").distinct()


@pytest.mark.django_db
def test_medical_bar_turners_work_titanium_under_iso_13485(demo):
    medical = (
        Organisation.objects.filter(naf_code=DECOLLETAGE)
        .filter(capabilities__term__code="iso_13485")
        .filter(capabilities__term__code="titane")
        .filter(capability_profile__text_fr__icontains="vis orthopédiques")
    )
    assert medical.count() >= 3
    assert (
        Organisation.objects.filter(naf_code=DECOLLETAGE, capabilities__term__code="iso_13485")
        .filter(capabilities__term__code="titane")
        .count()
        >= MEDICAL_DECOLLETEURS_MIN
    )


@pytest.mark.django_db
def test_certifications_fit_the_trades(demo):
    held = Counter(
        Capability.objects.filter(term__facet=Facet.CERTIFICATION).values_list(
            "term__code", flat=True
        )
    )
    assert held["iso_9001"] > held["iso_13485"] > held["en_9100"] > 0
    medical_makers = Organisation.objects.filter(naf_code="32.50A")
    assert medical_makers.exists()
    for organisation in medical_makers:
        assert organisation.capabilities.filter(term__code="iso_13485").exists(), organisation


@pytest.mark.django_db
def test_every_organisation_is_in_the_search_index(demo):
    assert SearchDocument.objects.count() == Organisation.objects.count()


@pytest.mark.django_db
def test_a_buyer_of_orthopaedic_screws_finds_the_medical_bar_turners_first(demo):
    result = search(SearchQuery(text="vis orthopédiques titane ISO 13485", limit=5))
    assert len(result.hits) == 5
    found = Organisation.objects.in_bulk([hit.organisation_id for hit in result.hits])
    for hit in result.hits:
        organisation = found[hit.organisation_id]
        assert organisation.naf_code == DECOLLETAGE, hit.name
        assert {"titane", "iso_13485"} <= set(
            organisation.capabilities.values_list("term__code", flat=True)
        )


@pytest.mark.django_db
def test_a_second_and_third_run_change_nothing_in_the_directory(demo):
    written = ActivityLog.objects.filter(action__startswith="directory.")
    assert not written.filter(id__gt=demo.last_log_id).exists(), "the second run logged"
    before = directory_snapshot()
    last = ActivityLog.objects.order_by("-id").values_list("id", flat=True)[0]
    call_command("demo", quiet=True, stdout=io.StringIO())
    assert directory_snapshot() == before
    new_actions = set(ActivityLog.objects.filter(id__gt=last).values_list("action", flat=True))
    assert new_actions <= {"core.vocabulary.loaded"}
