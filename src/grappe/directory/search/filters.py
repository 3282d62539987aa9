"""The facet filters of a query as SQL over the organisation table (alias `o`).

Several values of one facet are OR-ed, facets are AND-ed. Values are always parameters.
"""

from grappe.directory.search.types import TERM_FACETS, SearchQuery
from grappe.members.choices import MembershipStatus
from grappe.members.queries import current_year


def _placeholders(values: tuple[str, ...]) -> str:
    return ", ".join(["%s"] * len(values))


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
        conditions.append(
            "o.id IN (SELECT ms.organisation_id FROM members_membership ms "
            "WHERE ms.year = %s AND ms.status = %s)"
        )
        params += [current_year(), MembershipStatus.ACTIVE.value]
    return " AND ".join(conditions), params


def matches_sql(match: tuple[str, list] | None, query: SearchQuery) -> tuple[str, list]:
    """Every organisation found: id, text rank and name. Without text, every organisation
    that passes the filters, with rank 0."""
    condition, params = where(query)
    if match is None:
        sql = "SELECT o.id AS id, 0.0 AS rank, o.name AS name FROM members_organisation o"
        return f"{sql} WHERE {condition}", params
    match_sql, match_params = match
    sql = (
        f"SELECT o.id AS id, x.rank AS rank, o.name AS name FROM ({match_sql}) x "
        f"JOIN members_organisation o ON o.id = x.id WHERE {condition}"
    )
    return sql, [*match_params, *params]
