"""Memberships and dues: the staff manage them; a member's contacts read their own."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from grappe.api.errors import Conflict, field_error
from grappe.api.members.common import require
from grappe.api.members.organisations import get_organisation_or_404
from grappe.api.members.schemas import (
    InvoiceIn,
    MembershipFilters,
    MembershipIn,
    MembershipOut,
    MembershipStatusIn,
    PaymentIn,
    RenewIn,
    RenewOut,
)
from grappe.api.pagination import Pagination
from grappe.members import services
from grappe.members.models import Membership, Organisation
from grappe.members.queries import organisations_of, search_memberships

router = Router(tags=["memberships"])

MANAGE = "members.manage_memberships"


def get_membership_or_404(membership_id: int) -> Membership:
    return get_object_or_404(search_memberships(), pk=membership_id)


@router.get("/memberships", response=list[MembershipOut])
@paginate(Pagination)
def list_memberships(request: HttpRequest, filters: Query[MembershipFilters]):
    """The staff see every membership; a contact those of their own organisations."""
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    if filters.organisation:
        organisation = get_organisation_or_404(filters.organisation)
        require(request, "members.view_memberships_of", organisation)
        organisations = Organisation.objects.filter(pk=organisation.pk)
    elif user.has_perm("members.view_memberships_of"):
        organisations = None
    else:
        organisations = organisations_of(user)
    return search_memberships(
        year=filters.year, status=filters.status or "", organisations=organisations
    )


@router.post("/memberships", response={201: MembershipOut})
def create_membership(request: HttpRequest, payload: MembershipIn):
    """A membership for a year; without a fee, the fee schedule sets it."""
    user = require(request, MANAGE)
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        raise field_error("organisation", _("There is no organisation with this slug."))
    membership = services.create_membership(
        actor=user, organisation=organisation, year=payload.year, fee=payload.fee
    )
    return Status(201, get_membership_or_404(membership.pk))


@router.post("/memberships/renew", response={201: RenewOut})
def renew_memberships(request: HttpRequest, payload: RenewIn):
    """Give every active member of `year` a pending membership for the next year."""
    user = require(request, MANAGE)
    created = services.renew_memberships(actor=user, year=payload.year)
    return Status(201, {"year": payload.year + 1, "created": len(created)})


@router.post("/memberships/{int:membership_id}/status", response=MembershipOut)
def set_membership_status(request: HttpRequest, membership_id: int, payload: MembershipStatusIn):
    """Move a membership to another status; a move the workflow forbids is a 409."""
    user = require(request, MANAGE)
    membership = get_membership_or_404(membership_id)
    try:
        services.set_membership_status(
            actor=user, membership=membership, status=payload.status, reason=payload.reason
        )
    except ValidationError as error:
        raise Conflict(" ".join(error.messages)) from error
    return membership


@router.post("/memberships/{int:membership_id}/invoice", response=MembershipOut)
def record_invoice(request: HttpRequest, membership_id: int, payload: InvoiceIn):
    user = require(request, MANAGE)
    membership = get_membership_or_404(membership_id)
    return services.record_invoice(
        actor=user, membership=membership, invoiced_on=payload.invoiced_on
    )


@router.post("/memberships/{int:membership_id}/payment", response=MembershipOut)
def record_payment(request: HttpRequest, membership_id: int, payload: PaymentIn):
    """Record the payment; a pending or lapsed membership becomes active."""
    user = require(request, MANAGE)
    membership = get_membership_or_404(membership_id)
    return services.record_payment(actor=user, membership=membership, paid_on=payload.paid_on)
