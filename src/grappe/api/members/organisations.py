"""Organisations: the directory, with public or full fields as the reader's rights allow."""

from django.core.exceptions import PermissionDenied
from django.db.models import Case, QuerySet, Value, When
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from grappe.api.members.common import require
from grappe.api.members.schemas import (
    OrganisationFilters,
    OrganisationFull,
    OrganisationIn,
    OrganisationOut,
    OrganisationPatch,
    OrganisationPublic,
)
from grappe.api.pagination import Pagination
from grappe.core.models import User
from grappe.members import services
from grappe.members.models import Organisation
from grappe.members.queries import organisations_of, search_organisations

router = Router(tags=["organisations"])

DETAILS = "members.view_organisation_details"


def with_view(queryset: QuerySet[Organisation], user: User) -> QuerySet[Organisation]:
    """Annotate `view`: "full" where the user may see the details, "public" elsewhere.

    The same answer as `user.has_perm(DETAILS, organisation)`, for a whole page at once:
    the staff and members' contacts see every organisation's details, any other contact
    those of their own organisations.
    """
    if user.has_perm(DETAILS):
        return queryset.annotate(view=Value("full"))
    if not user.is_authenticated:
        return queryset.annotate(view=Value("public"))
    own = organisations_of(user).values("pk")
    return queryset.annotate(
        view=Case(When(pk__in=own, then=Value("full")), default=Value("public"))
    )


def shaped(user: User, organisation: Organisation) -> OrganisationPublic:
    schema = OrganisationFull if user.has_perm(DETAILS, organisation) else OrganisationPublic
    return schema.from_orm(organisation)


def get_organisation_or_404(slug: str) -> Organisation:
    return get_object_or_404(search_organisations(), slug=slug)


@router.get("/organisations", response=list[OrganisationOut])
@paginate(Pagination)
def list_organisations(request: HttpRequest, filters: Query[OrganisationFilters]):
    """Organisations by name; staff and members' contacts get every field."""
    queryset = search_organisations(
        text=filters.q.strip(),
        kind=filters.kind or "",
        cluster=filters.cluster,
        departement=filters.departement,
        members_only=filters.members_only,
    )
    return with_view(queryset, request.user)


@router.get("/organisations/{slug:slug}", response=OrganisationOut)
def get_organisation(request: HttpRequest, slug: str):
    return shaped(request.user, get_organisation_or_404(slug))


@router.post("/organisations", response={201: OrganisationOut})
def create_organisation(request: HttpRequest, payload: OrganisationIn):
    """Staff only. The slug is made from the name; the département from the postcode."""
    user = require(request, "members.add_organisation")
    organisation = services.create_organisation(actor=user, data=payload.model_dump(mode="json"))
    return Status(201, shaped(user, get_organisation_or_404(organisation.slug)))


@router.patch("/organisations/{slug:slug}", response=OrganisationOut)
def update_organisation(request: HttpRequest, slug: str, payload: OrganisationPatch):
    """The staff, or a contact of the organisation; only the staff change kind, SIREN,
    SIRET and dues category."""
    organisation = get_organisation_or_404(slug)
    user = require(request, "members.edit_organisation", organisation)
    data = payload.model_dump(mode="json", exclude_unset=True)
    staff = user.has_perm("members.edit_organisation_admin_fields", organisation)
    if not staff and (refused := sorted(set(data) - services.ORGANISATION_FIELDS_FOR_CONTACTS)):
        raise PermissionDenied(
            _("Only the pôle's staff may change: %(fields)s.") % {"fields": ", ".join(refused)}
        )
    services.update_organisation(actor=user, organisation=organisation, data=data, staff=staff)
    return shaped(user, organisation)
