"""The search index follows every change, in the transaction of the change, in a bounded
number of queries; `grappe reindex` rebuilds it all."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from grappe.core.models import Term
from grappe.core.services import update_term
from grappe.directory import services as directory_services
from grappe.directory.models import SearchDocument, SearchToken
from grappe.directory.search.expansion import code_token
from grappe.directory.search.index import reindex_organisations, reindex_terms
from grappe.directory.search.service import search
from grappe.directory.search.types import SearchQuery
from grappe.directory.transfer.importing import import_organisations_file
from grappe.members.models import Cluster, Organisation
from grappe.members.services.governance import join_cluster, leave_cluster
from grappe.members.services.organisations import update_organisation
from tests.directory.search_data import load_project_vocabulary, supplier
from tests.directory.transfer_helpers import csv_bytes
from tests.factories import ClusterFactory, OrganisationFactory, valid_siret

pytestmark = pytest.mark.django_db


def names(text: str) -> set[str]:
    return {hit.name for hit in search(SearchQuery(text=text)).hits}


@pytest.fixture
def vocabulary():
    load_project_vocabulary()


def test_an_edited_description_is_found_by_its_new_word(vocabulary):
    organisation = supplier("Atelier Comtois", description_fr="Tournage de précision.")
    assert names("rodage") == set()
    update_organisation(
        actor=None,
        organisation=organisation,
        data={"description_fr": "Rodage et superfinition."},
        staff=True,
    )
    assert names("rodage") == {"Atelier Comtois"}
    assert names("tournage") == set()


def test_a_new_synonym_of_a_term_finds_its_organisations(vocabulary):
    supplier("Atelier Comtois", terms=("decolletage",))
    assert names("pignonnerie") == set()
    term = Term.objects.get(code="decolletage")
    update_term(actor=None, term=term, data={"synonyms_fr": [*term.synonyms_fr, "pignonnerie"]})
    assert names("pignonnerie") == {"Atelier Comtois"}


def test_a_new_label_of_a_term_is_indexed_in_its_organisations(vocabulary):
    organisation = supplier("Atelier Comtois", terms=("decolletage",))
    update_term(actor=None, term=Term.objects.get(code="decolletage"), data={"label_en": "Gizmo"})
    document = SearchDocument.objects.get(organisation=organisation)
    assert "gizmo" in document.terms.split()
    assert code_token("decolletage") in document.terms.split()


def test_capabilities_profile_equipment_and_tolerances_are_reindexed(vocabulary):
    organisation = supplier("Atelier Comtois")
    directory_services.set_capabilities(
        actor=None, organisation=organisation, terms=Term.objects.filter(code="laiton")
    )
    assert names("brass") == {"Atelier Comtois"}
    directory_services.set_capabilities(actor=None, organisation=organisation, terms=[])
    assert names("brass") == set()
    directory_services.update_capability_profile(
        actor=None, organisation=organisation, text_fr="Galetage des portées.", text_en=""
    )
    assert names("galetage") == {"Atelier Comtois"}
    equipment = directory_services.add_equipment(
        actor=None, organisation=organisation, machine="Escomatic D6"
    )
    assert names("escomatic") == {"Atelier Comtois"}
    directory_services.remove_equipment(actor=None, equipment=equipment)
    assert names("escomatic") == set()


def test_joining_and_leaving_a_cluster_is_reindexed(vocabulary):
    organisation = supplier("Atelier Comtois")
    cluster = ClusterFactory(slug="aeromutech", name="AEROMUTECH")
    join_cluster(actor=None, cluster=cluster, organisation=organisation)
    assert names("aeromutech") == {"Atelier Comtois"}
    leave_cluster(actor=None, cluster=Cluster.objects.get(pk=cluster.pk), organisation=organisation)
    assert names("aeromutech") == set()


def test_a_deleted_organisation_leaves_the_index(vocabulary):
    organisation = supplier("Atelier Comtois", description_fr="Rodage.")
    organisation.delete()
    assert not SearchDocument.objects.exists()
    assert search(SearchQuery(text="rodage")).count == 0


def test_the_typo_dictionary_grows_with_the_index(vocabulary):
    supplier("Atelier Comtois", description_fr="Galetage.")
    assert SearchToken.objects.filter(token="galetage").exists()
    assert "Atelier Comtois" in names("galetaeg")


def _reindex_queries(organisations) -> int:
    with CaptureQueriesContext(connection) as captured:
        reindex_organisations([o.pk for o in organisations])
    return len(captured)


def test_reindexing_many_organisations_takes_a_few_queries(vocabulary):
    few = _reindex_queries(OrganisationFactory.create_batch(3))
    assert _reindex_queries(OrganisationFactory.create_batch(60)) == few <= 20
    assert SearchDocument.objects.count() == 63


def test_reindexing_a_term_reindexes_its_organisations_only(vocabulary):
    carrier = supplier("Atelier Comtois", terms=("laiton",))
    supplier("Autre Atelier")
    SearchDocument.objects.all().delete()
    reindex_terms([Term.objects.get(code="laiton").pk])
    assert list(SearchDocument.objects.values_list("organisation", flat=True)) == [carrier.pk]


def test_grappe_reindex_rebuilds_everything(vocabulary):
    supplier("Atelier Comtois", description_fr="Galetage.")
    OrganisationFactory.create_batch(5)  # saved without the services: not indexed yet
    SearchToken.objects.all().delete()
    out = StringIO()
    call_command("reindex", "--batch", "2", stdout=out)
    assert SearchDocument.objects.count() == 6
    assert SearchToken.objects.filter(token="galetage").exists()
    assert "6" in out.getvalue()
    assert names("galetage") == {"Atelier Comtois"}


def test_grappe_reindex_refuses_a_batch_below_one():
    with pytest.raises(CommandError, match="batch"):
        call_command("reindex", "--batch", "0")


def _queries_of(text: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        result = search(SearchQuery(text=text, limit=100))
    assert result.hits
    return len(captured)


def test_the_number_of_queries_of_a_search_does_not_grow_with_the_results(vocabulary):
    supplier("Atelier 0", description_fr="Décolletage de laiton.", terms=("decolletage",))
    few_text, few_empty = _queries_of("décolletage laiton"), _queries_of("")
    for number in range(1, 40):
        supplier(f"Atelier {number}", description_fr="Décolletage.", terms=("decolletage",))
    assert _queries_of("décolletage laiton") == few_text
    assert _queries_of("") == few_empty
    assert few_text <= 16  # PostgreSQL adds a savepoint and a SET LOCAL per match query
    assert _queries_of("decoletage laiotn") <= 18  # with typo corrections


def test_a_batch_of_about_contiguous_ids_reindexes_those_only(vocabulary):
    """A large batch of ids close together is read by range (an import, a full reindex):
    the organisations in the range that were not asked for are left alone."""
    rows = [["siret", "name", "processes"]] + [
        [valid_siret(900 + n), f"Usine {n:03d}", "décolletage"] for n in range(150)
    ]
    import_organisations_file(actor=None, content=csv_bytes(rows), filename="f.csv")
    ids = sorted(Organisation.objects.values_list("pk", flat=True))
    skipped = ids[75]
    SearchDocument.objects.filter(organisation_id__in=[ids[10], skipped]).delete()
    Organisation.objects.filter(pk__in=ids).update(description_fr="Rodage.")
    reindex_organisations([pk for pk in ids if pk != skipped])
    assert not SearchDocument.objects.filter(organisation_id=skipped).exists()
    assert SearchDocument.objects.filter(organisation_id=ids[10]).exists()
    assert search(SearchQuery(text="rodage", limit=0)).count == 149
    assert search(SearchQuery(text="décolletage", limit=0)).count == 149
