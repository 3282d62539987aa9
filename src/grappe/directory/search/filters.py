"""The facet filters of a query, as SQL (to list the directory in name order) and as a
bitmap (to filter text matches). Several values of one facet are OR-ed, facets AND-ed."""

from collections.abc import Callable

from grappe.directory.search import bitmaps
from grappe.directory.search.expansion import Vocabulary
from grappe.directory.search.facets import Clusters
from grappe.directory.search.types import TERM_FACETS, SearchQuery
from grappe.members.choices import MembershipStatus
from grappe.members.queries import current_year

MEMBERS_SQL = (
    "SELECT ms.organisation_id FROM members_membership ms WHERE ms.year = %s AND ms.status = %s"
)
MEMBERS_SQL_AS_ID = MEMBERS_SQL.replace("ms.organisation_id", "ms.organisation_id AS id", 1)


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
    """The organisations passing the facet filters as a bitmap, or None when none filters
    (`members_only` is applied to the matches by `only_members`)."""
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
    return allowed


# (year, stamp of the memberships) → this year's members, as a bitmap (see `only_members`)
_members: dict[tuple[int, int], int] = {}


def only_members(matched: int, ids_of: Callable[[str, list], list[int]], stamp: int | None) -> int:
    """The matches that have an active membership this year.

    This year's members are read as a bitmap, and kept until the stamp of the memberships
    changes (the database changes it with every membership, see `bitmaps.MEMBERSHIPS`);
    read at every search when there is no stamp (its row deleted by hand)."""
    key = (current_year(), stamp)
    members = _members.get(key) if stamp is not None else None
    if members is None:
        members = bitmaps.of_ids(ids_of(MEMBERS_SQL_AS_ID, _members_params()))
        if stamp is not None:
            _members.clear()
            _members[key] = members
    return matched & members
