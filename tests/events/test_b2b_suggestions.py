"""Suggested matches: the directory's search, asked for what I seek, ranks the participants'
organisations; participants without an organisation follow by shared terms."""

import pytest

from grappe.core.models import Term
from grappe.events import b2b_queries
from grappe.events.services.b2b_profiles import ensure_profile
from tests.directory.search_data import load_project_vocabulary, supplier
from tests.events.b2b_factories import b2b_event
from tests.events.factories import MemberRegistrationFactory, RegistrationFactory
from tests.factories import member_contact

pytestmark = pytest.mark.django_db


def profile_of(event, organisation=None, **fields):
    if organisation is None:
        registration = RegistrationFactory(event=event, **fields)
    else:
        user = member_contact(organisation=organisation)
        registration = MemberRegistrationFactory(
            event=event, person=user.person, organisation=organisation
        )
    return ensure_profile(actor=None, registration=registration)


def test_suggestions_rank_organisations_the_directory_finds_for_my_needs():
    load_project_vocabulary()
    event = b2b_event()
    turner = supplier(
        "Alpha Décolletage",
        description_fr="Décolletage de précision de vis orthopédiques.",
        terms=("decolletage", "sante"),
    )
    coater = supplier("Zeta Traitements", terms=("anodisation",))
    buyer = profile_of(event, supplier("Omega Implants", terms=("sante",)))
    buyer.sought_terms.add(Term.objects.get(code="decolletage"))
    buyer.seek = "vis orthopédiques"
    buyer.save(update_fields=["seek"])
    alpha = profile_of(event, turner)
    profile_of(event, coater)
    # A visitor without organisation who offers bar turning in the catalogue.
    visitor = profile_of(event, organisation_name="Atelier Jura")
    visitor.offered_terms.add(Term.objects.get(code="decolletage"))

    found = b2b_queries.suggestions(b2b_queries.profiles().get(pk=buyer.pk))
    assert [s.profile.pk for s in found] == [alpha.pk, visitor.pk]
    assert found[1].reasons == [Term.objects.get(code="decolletage").label]


def test_no_suggestion_without_needs():
    event = b2b_event()
    me = profile_of(event, organisation_name="Sans besoin")
    profile_of(event, organisation_name="Autre")
    assert b2b_queries.suggestions(me) == []
