"""The total and the facet counts over every match, in one statement of a few GROUP BYs."""

from collections import defaultdict

from django.db import connection

from grappe.directory.search.expansion import Vocabulary
from grappe.directory.search.types import FILTERS, FacetCount
from grappe.members.choices import HeadcountBand, OrganisationKind
from grappe.members.geography import DEPARTEMENTS

COUNTS_SQL = """
WITH m AS MATERIALIZED ({matches})
SELECT 'count', '', '', COUNT(*) FROM m
UNION ALL
SELECT 'term', CAST(c.term_id AS TEXT), '', COUNT(*) FROM m
    JOIN directory_capability c ON c.organisation_id = m.id GROUP BY c.term_id
UNION ALL
SELECT 'cluster', cl.slug, cl.name, COUNT(*) FROM m
    JOIN members_clustermembership cm ON cm.organisation_id = m.id
    JOIN members_cluster cl ON cl.id = cm.cluster_id GROUP BY cl.slug, cl.name
UNION ALL
SELECT 'departement', o.departement, '', COUNT(*) FROM m
    JOIN members_organisation o ON o.id = m.id GROUP BY o.departement
UNION ALL
SELECT 'headcount_band', o.headcount_band, '', COUNT(*) FROM m
    JOIN members_organisation o ON o.id = m.id GROUP BY o.headcount_band
UNION ALL
SELECT 'kind', o.kind, '', COUNT(*) FROM m
    JOIN members_organisation o ON o.id = m.id GROUP BY o.kind
"""


def _label(name: str, value: str, label: str) -> str:
    if name == "departement":
        departement = DEPARTEMENTS.get(value)
        return f"{departement[0]} ({value})" if departement else value
    if name == "headcount_band":
        return str(HeadcountBand(value).label) if value in HeadcountBand.values else value
    if name == "kind":
        return str(OrganisationKind(value).label) if value in OrganisationKind.values else value
    return label or value


def counts(
    matches: tuple[str, list], vocabulary: Vocabulary
) -> tuple[int, dict[str, list[FacetCount]]]:
    """(number of matches, facet → counts sorted by count then label) in one query."""
    sql, params = matches
    with connection.cursor() as cursor:
        cursor.execute(COUNTS_SQL.format(matches=sql), params)
        rows = cursor.fetchall()
    total = 0
    by_id = vocabulary.by_id
    facets: dict[str, list[FacetCount]] = defaultdict(list)
    for name, value, label, count in rows:
        if name == "count":
            total = count
        elif name == "term":
            term = by_id.get(int(value))
            if term is not None:
                facets[term.facet].append(FacetCount(term.code, term.label, count))
        elif value:
            facets[name].append(FacetCount(value, _label(name, value, label), count))
    ordered = {
        name: sorted(facets.get(name, []), key=lambda f: (-f.count, f.label.casefold()))
        for name in FILTERS
    }
    return total, ordered
