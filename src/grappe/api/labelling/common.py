"""What the labelling endpoints share: who may see what, and turning the slugs, codes and ids
of a body into the objects the services take (an unknown one is a 422 naming its field)."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Min, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from grappe.api.errors import field_error
from grappe.core.models import Facet, Term, User
from grappe.labelling import queries
from grappe.labelling.choices import LABEL_STATUSES
from grappe.labelling.models import Application, FundingCall, Partner, Project
from grappe.labelling.services import PartnerLine, WrongState
from grappe.members.models import Organisation


def require(request: HttpRequest, perm: str, obj: object = None) -> User:
    """The request's user, when they hold `perm` (on `obj`); PermissionDenied otherwise
    (401 for the anonymous)."""
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied(_("You do not have permission to do this."))
    return request.user


def require_user(request: HttpRequest) -> User:
    if not request.user.is_authenticated:
        raise PermissionDenied
    return request.user


def install_error_handlers(api: NinjaAPI) -> None:
    """A labelling action the object's state does not allow now (services.WrongState, an
    illegal move of the workflow among them) is a 409, not a 422."""

    @api.exception_handler(WrongState)
    def on_wrong_state(request: HttpRequest, exc: WrongState) -> object:
        return api.create_response(request, {"detail": " ".join(exc.messages)}, status=409)


# Reads ---------------------------------------------------------------------------------------


LABELLED = Q(applications__status__in=LABEL_STATUSES)


def with_details(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Everything a project's JSON shows, in a fixed number of queries."""
    return (
        projects.select_related("lead")
        .annotate(labelled_since=Min("applications__decided_at", filter=LABELLED))
        .prefetch_related(
            "markets",
            "processes",
            "co_labelled_with",
            Prefetch("partners", queryset=Partner.objects.select_related("organisation")),
            Prefetch(
                "applications",
                queryset=Application.objects.select_related("call").order_by("round_number"),
            ),
        )
    )


def project_details(pk: int) -> Project:
    return with_details(Project.objects.filter(pk=pk)).get()


def application_or_404(request: HttpRequest, pk: int) -> Application:
    """The application if the user may open its dossier; 404 otherwise (no existence leak)."""
    return queries.application_for(request.user, pk)


# Body values ---------------------------------------------------------------------------------


def organisation(slug: str, field: str) -> Organisation:
    found = Organisation.objects.filter(slug=slug).first()
    if found is None:
        raise field_error(field, _("There is no organisation with this slug."))
    return found


def organisations(slugs: Iterable[str], field: str) -> list[Organisation]:
    slugs = list(slugs)
    found = Organisation.objects.in_bulk(slugs, field_name="slug")
    for index, slug in enumerate(slugs):
        if slug not in found:
            raise field_error(f"{field}.{index}", _("There is no organisation with this slug."))
    return [found[slug] for slug in slugs]


def terms(codes: Iterable[str], facet: str, field: str) -> list[Term]:
    codes = list(codes)
    found = Term.objects.filter(facet=facet).in_bulk(codes, field_name="code")
    for index, code in enumerate(codes):
        if code not in found:
            message = (
                _("There is no market with this code.")
                if facet == Facet.MARKET
                else _("There is no process with this code.")
            )
            raise field_error(f"{field}.{index}", message)
    return [found[code] for code in codes]


def partner_lines(lines: Iterable, field: str = "partners") -> list[PartnerLine]:
    lines = list(lines)
    found = organisations((line.organisation for line in lines), field)
    return [
        PartnerLine(org, line.budget, line.requested_aid, line.role)
        for org, line in zip(found, lines, strict=True)
    ]


def call(pk: int | None, field: str = "call") -> FundingCall | None:
    if pk is None:
        return None
    found = FundingCall.objects.filter(pk=pk).first()
    if found is None:
        raise field_error(field, _("There is no funding call with this id."))
    return found


def user(pk: int, field: str) -> User:
    found = User.objects.filter(pk=pk).first()
    if found is None:
        raise field_error(field, _("There is no user with this id."))
    return found


def users(ids: Iterable[int], field: str) -> list[User]:
    ids = list(ids)
    found = User.objects.in_bulk(ids)
    for index, pk in enumerate(ids):
        if pk not in found:
            raise field_error(f"{field}.{index}", _("There is no user with this id."))
    return [found[pk] for pk in ids]
