"""The capability directory's search: the service behind the “Find a know-how” page, and
the same JSON as `grappe search --json` for its results."""

from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from pydantic import AfterValidator, ConfigDict, StringConstraints

from grappe.api.pagination import MAX_OFFSET
from grappe.directory.queries import search_query
from grappe.directory.search.serialise import result_to_dict
from grappe.directory.search.service import search
from grappe.directory.search.types import FILTERS, MAX_LIMIT

router = Router(tags=["directory"])

MAX_TEXT_LENGTH = 10_000  # longer is refused; the engine reads the first 500 characters
DIRECTORY = "members.view_directory"
# Filters on what only members' contacts and the staff may see. The SIRET is not among
# them: it is a public identifier (INSEE's Sirene register is open data) and the key a buyer
# uses to find the supplier in their own systems.
RESTRICTED_FILTERS = ("headcount_band",)


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("Text cannot contain NUL characters.")
    return value


Value = Annotated[str, StringConstraints(max_length=100), AfterValidator(_no_nul)]


def _values(description: str) -> Any:
    return Field(default_factory=list, description=f"{description} (repeatable; OR-ed).")


class SearchParams(Schema):
    q: Annotated[str, StringConstraints(max_length=MAX_TEXT_LENGTH)] = Field(
        "",
        description="Free text, French or English; empty lists every organisation by name.",
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Results per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Results to skip.")
    process: list[Value] = _values("A process term code")
    material: list[Value] = _values("A material term code")
    market: list[Value] = _values("A market term code")
    certification: list[Value] = _values("A certification term code")
    cluster: list[Value] = _values("A cluster slug")
    departement: list[Value] = _values("A département code")
    headcount_band: list[Value] = _values("An INSEE headcount band code (members and staff)")
    kind: list[Value] = _values("An organisation kind")
    members_only: bool = Field(
        False, description="Only this year's members (members and staff only)."
    )


class HitOut(Schema):
    model_config = ConfigDict(extra="allow")

    siret: str = Field(description="The organisation's SIRET, empty when unknown.")
    name: str
    slug: str
    score: float
    matched: dict[str, list[str]] = Field(
        description="Facet → vocabulary codes matched; `text` → the query words found."
    )
    snippet: str = Field(description="HTML-escaped text, the matched words in <mark>.")


class FacetOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    count: int
    results: list[HitOut]
    facets: dict[str, list[FacetOut]]


@router.get("/directory/search", response=SearchOut)
def directory_search(request: HttpRequest, params: Query[SearchParams]):
    """Organisations ranked for the text, narrowed by the filters (facets AND-ed, values
    OR-ed), with the facet counts over every match.

    Without a token you get the public view: no headcount band counts, and the
    `headcount_band` and `members_only` filters are refused.
    """
    full = request.user.has_perm(DIRECTORY)
    if not full and (params.members_only or any(getattr(params, f) for f in RESTRICTED_FILTERS)):
        raise PermissionDenied(
            _("Only members' contacts and the staff may filter on headcount or membership.")
        )
    query = search_query(
        text=params.q,
        filters={name: getattr(params, name) for name in FILTERS},
        members_only=params.members_only,
        limit=params.limit,
        offset=params.offset,
    )
    data = result_to_dict(search(query))
    if not full:
        for name in RESTRICTED_FILTERS:
            data["facets"].pop(name, None)
    return data
