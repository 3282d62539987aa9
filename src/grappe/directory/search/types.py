"""The search contract, the same for every backend, the web pages, the API and the command."""

from dataclasses import dataclass, field

# The facets a query may filter on, and the facets whose counts come back with the results.
TERM_FACETS = ("process", "material", "market", "certification")
ORGANISATION_FACETS = ("cluster", "departement", "headcount_band", "kind")
FILTERS = TERM_FACETS + ORGANISATION_FACETS

MAX_QUERY_LENGTH = 500  # longer queries are cut here: nobody types more, and it bounds work
MAX_LIMIT = 200


@dataclass(frozen=True)
class SearchQuery:
    """Free text plus facet filters. Several values of one facet are OR-ed, facets AND-ed."""

    text: str = ""
    process: tuple[str, ...] = ()
    material: tuple[str, ...] = ()
    market: tuple[str, ...] = ()
    certification: tuple[str, ...] = ()
    cluster: tuple[str, ...] = ()  # cluster slugs
    departement: tuple[str, ...] = ()
    headcount_band: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    members_only: bool = False  # only organisations with an active membership this year
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class Hit:
    """One organisation found, with why it was found."""

    organisation_id: int
    slug: str
    name: str
    siret: str
    score: float
    # facet → vocabulary codes that matched the query; "text" → the query words found in text
    matched: dict[str, list[str]] = field(default_factory=dict)
    snippet: str = ""  # HTML-escaped text with the matched words in <mark>…</mark>


@dataclass(frozen=True)
class FacetCount:
    value: str  # term code, cluster slug, département code, headcount band or kind
    label: str
    count: int


@dataclass(frozen=True)
class SearchResult:
    count: int
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]  # every name of FILTERS → counts over all matches
