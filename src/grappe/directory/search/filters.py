"""The facet filters of a query, as SQL (to list the directory in name order) and as a
bitmap (to filter text matches). Several values of one facet are OR-ed, facets AND-ed."""

from django.db import connection

from grappe.directory.search import bitmaps
from grappe.directory.search.expansion import Vocabulary
from grappe.directory.search.facets import Clusters
from grappe.directory.search.types import TERM_FACETS, SearchQuery
from grappe.members.choices import MembershipStatus
from grappe.members.queries import current_year

MEMBERS_SQL = (
    "SELECT ms.organisation_id FROM members_membership ms WHERE ms.year = %s AND ms.status = %s"
)


def _placeholders(values: tuple[str, ...]) -> str:
    return ", ".join(["%s"] * len(values))


def _members_params() -> list:
    return [current_year(), MembershipStatus.ACTIVE.value]


def where(query: SearchQuery) -> tuple[str, list]:
    """A WHERE condition on `members_organisation o` (always valid, "1 = 1" when empty)."""
    conditions, params = ["1 = 1"], []
    for facet in TERM_FACETS:
        codes = tuple(getattr(query, facet))
        if codes:
            conditions.append(
                "o.id IN (SELECT c.organisation_id FROM directory_capability c "
                "JOIN core_term t ON t.id = c.term_id "
                f"WHERE t.facet = %s AND t.code IN ({_placeholders(codes)}))"
            )
            params += [facet, *codes]
    if query.cluster:
        conditions.append(
            "o.id IN (SELECT cm.organisation_id FROM members_clustermembership cm "
            "JOIN members_cluster cl ON cl.id = cm.cluster_id "
            f"WHERE cl.slug IN ({_placeholders(query.cluster)}))"
        )
        params += list(query.cluster)
    for column in ("departement", "headcount_band", "kind"):
        values = tuple(getattr(query, column))
        if values:
            conditions.append(f"o.{column} IN ({_placeholders(values)})")
            params += list(values)
    if query.members_only:
        conditions.append(f"o.id IN ({MEMBERS_SQL})")
        params += _members_params()
    return " AND ".join(conditions), params


def directory_sql(query: SearchQuery) -> tuple[str, list]:
    """Every organisation that passes the filters: id and name."""
    condition, params = where(query)
    return (
        f"SELECT o.id AS id, o.name AS name FROM members_organisation o WHERE {condition}",
        params,
    )


def _any_of(keys: list[str], facet_bits: dict[str, int]) -> int:
    found = 0
    for key in keys:
        found |= facet_bits.get(key, 0)
    return found


def bitmap(
    query: SearchQuery, facet_bits: dict[str, int], vocabulary: Vocabulary, clusters: Clusters
) -> int | None:
    """The organisations passing the filters as a bitmap, or None when nothing filters."""
    allowed: int | None = None

    def keep(bits: int) -> None:
        nonlocal allowed
        allowed = bits if allowed is None else allowed & bits

    by_code = vocabulary.by_code
    for facet in TERM_FACETS:
        codes = getattr(query, facet)
        if codes:
            terms = [by_code[c] for c in codes if c in by_code and by_code[c].facet == facet]
            keep(_any_of([f"{bitmaps.TERM}{term.id}" for term in terms], facet_bits))
    if query.cluster:
        ids = [pk for pk, (slug, _name) in clusters.items() if slug in query.cluster]
        keep(_any_of([f"{bitmaps.CLUSTER}{pk}" for pk in ids], facet_bits))
    for name, prefix in bitmaps.FIELD_PREFIXES.items():
        values = getattr(query, name)
        if values:
            keep(_any_of([f"{prefix}{value}" for value in values], facet_bits))
    if query.members_only:
        with connection.cursor() as cursor:
            cursor.execute(MEMBERS_SQL, _members_params())
            keep(bitmaps.of_ids([pk for (pk,) in cursor.fetchall()]))
    return allowed
