"""The search results as JSON-ready data: one shape for the API and the `grappe search`
command, so that both print the same thing."""

from typing import Any

from grappe.directory.search.types import FacetCount, Hit, SearchResult


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    return {
        "siret": hit.siret,
        "name": hit.name,
        "slug": hit.slug,
        "score": hit.score,
        "matched": {key: list(values) for key, values in hit.matched.items()},
        "snippet": hit.snippet,
    }


def facet_to_dict(facet: FacetCount) -> dict[str, Any]:
    return {"value": facet.value, "label": facet.label, "count": facet.count}


def result_to_dict(result: SearchResult) -> dict[str, Any]:
    return {
        "count": result.count,
        "results": [hit_to_dict(hit) for hit in result.hits],
        "facets": {
            name: [facet_to_dict(facet) for facet in counts]
            for name, counts in result.facets.items()
        },
    }
