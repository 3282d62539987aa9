"""Memberships and dues, for the staff: the yearly table, its row actions, renewal, fees."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from grappe.core.forms import apply_service_errors
from grappe.members import queries, services
from grappe.members.choices import MembershipStatus
from grappe.members.forms.memberships import (
    FeeRateForm,
    InvoiceForm,
    MembershipCreateForm,
    MembershipFilterForm,
    MembershipStatusForm,
    PaymentForm,
    RenewForm,
)
from grappe.members.models import FeeRate, Membership, Organisation

PER_PAGE = 50
PERM = "members.manage_memberships"
LIST_TEMPLATE = "members/membership_list.html"


def _require_manager(request: HttpRequest) -> None:
    if not request.user.has_perm(PERM):
        raise PermissionDenied


def _list_url(year: int) -> str:
    return f"{reverse('members:membership_list')}?{urlencode({'annee': year})}"


@dataclass
class MembershipRow:
    """A row of the table: the membership, where its status may go, and the last errors."""

    membership: Membership
    errors: list[str] = field(default_factory=list)

    @property
    def next_statuses(self) -> list[tuple[str, str]]:
        allowed = services.MEMBERSHIP_TRANSITIONS.get(self.membership.status, frozenset())
        return [(value, label) for value, label in MembershipStatus.choices if value in allowed]


@login_required
def membership_list(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    filters = MembershipFilterForm(request.GET)
    year, status = filters.year(), filters.status()
    sort = request.GET.get("tri", "organisation")
    if sort not in queries.MEMBERSHIP_SORTS:
        sort = "organisation"
    totals = queries.membership_totals(year)
    if request.htmx and request.GET.get("partie") == "totaux":
        return render(request, f"{LIST_TEMPLATE}#totals", {"year": year, "totals": totals})
    page = Paginator(queries.membership_table(year, status=status, sort=sort), PER_PAGE).get_page(
        request.GET.get("page")
    )
    current = queries.current_year()
    years = sorted({*queries.membership_years(), current, current + 1, year}, reverse=True)
    query = {"annee": year, "statut": status, "tri": sort}
    context = {
        "year": year,
        "status": status,
        "sort": sort,
        "years": years,
        "statuses": MembershipStatus.choices,
        "totals": totals,
        "page_obj": page,
        "rows": [MembershipRow(membership) for membership in page],
        "query": urlencode(query),
        "filter_query": urlencode({"annee": year, "statut": status}),
    }
    return render(request, LIST_TEMPLATE, context)


def _row_action(
    request: HttpRequest,
    pk: int,
    form_class: type,
    act: Callable[[Membership, dict[str, Any]], Membership],
    success: str,
) -> HttpResponse:
    """Validate the form, run the service, answer with the row (htmx) or back to the table."""
    _require_manager(request)
    membership = get_object_or_404(Membership.objects.select_related("organisation"), pk=pk)
    form = form_class(request.POST)
    errors: list[str] = []
    if form.is_valid():
        try:
            membership = act(membership, form.cleaned_data)
        except ValidationError as error:
            errors = error.messages
            membership.refresh_from_db()
    else:
        errors = [message for messages_ in form.errors.values() for message in messages_]
    if request.htmx:
        response = render(
            request, f"{LIST_TEMPLATE}#row", {"row": MembershipRow(membership, errors)}
        )
        if not errors:
            response["HX-Trigger"] = "membership-changed"
        return response
    if errors:
        for message in errors:
            messages.error(request, f"{membership.organisation.name}: {message}")
    else:
        messages.success(request, success % {"organisation": membership.organisation.name})
    return redirect(_list_url(membership.year))


@login_required
@require_POST
def membership_status(request: HttpRequest, pk: int) -> HttpResponse:
    return _row_action(
        request,
        pk,
        MembershipStatusForm,
        lambda membership, data: services.set_membership_status(
            actor=request.user, membership=membership, status=data["status"]
        ),
        _("%(organisation)s: status changed."),
    )


@login_required
@require_POST
def membership_invoice(request: HttpRequest, pk: int) -> HttpResponse:
    return _row_action(
        request,
        pk,
        InvoiceForm,
        lambda membership, data: services.record_invoice(
            actor=request.user, membership=membership, invoiced_on=data["invoiced_on"]
        ),
        _("%(organisation)s: invoice recorded."),
    )


@login_required
@require_POST
def membership_payment(request: HttpRequest, pk: int) -> HttpResponse:
    return _row_action(
        request,
        pk,
        PaymentForm,
        lambda membership, data: services.record_payment(
            actor=request.user, membership=membership, paid_on=data["paid_on"]
        ),
        _("%(organisation)s: payment recorded."),
    )


@login_required
def membership_create(request: HttpRequest, slug: str) -> HttpResponse:
    _require_manager(request)
    organisation = get_object_or_404(Organisation, slug=slug)
    form = MembershipCreateForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.create_membership(
                actor=request.user,
                organisation=organisation,
                year=form.cleaned_data["year"],
                fee=form.cleaned_data["fee"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Membership %(year)s of %(organisation)s created (%(fee)s €).")
                % {
                    "year": membership.year,
                    "organisation": organisation.name,
                    "fee": membership.fee,
                },
            )
            return redirect(organisation)
    year = queries.current_year()
    context = {
        "organisation": organisation,
        "form": form,
        "year": year,
        "schedule_fee": queries.fee_for(organisation=organisation, year=year),
        "memberships": queries.organisation_memberships(organisation)[:10],
    }
    return render(request, "members/membership_create.html", context)


@login_required
def membership_renew(request: HttpRequest) -> HttpResponse:
    """GET says how many organisations the renewal concerns; POST renews them."""
    _require_manager(request)
    form = RenewForm(request.POST if request.method == "POST" else request.GET)
    year = form.cleaned_data["annee"] if form.is_valid() else queries.current_year()
    if request.method == "POST" and form.is_valid():
        try:
            renewed = services.renew_memberships(actor=request.user, year=year)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s pending membership created for %(year)s.",
                    "%(count)s pending memberships created for %(year)s.",
                    len(renewed),
                )
                % {"count": len(renewed), "year": year + 1},
            )
            return redirect(_list_url(year + 1))
    context = {
        "year": year,
        "next_year": year + 1,
        "count": queries.renewal_candidates(year).count(),
        "form_errors": form.errors if request.method == "POST" else {},
    }
    return render(request, "members/membership_renew.html", context)


@login_required
def fee_schedule(request: HttpRequest) -> HttpResponse:
    """The dues schedule, and a form that adds a line or changes the amount of one."""
    _require_manager(request)
    if request.method == "POST":
        form = FeeRateForm(request.POST)
        if form.is_valid():
            try:
                rate = services.set_fee_rate(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("Rate saved: %(rate)s") % {"rate": rate})
                return redirect("members:fee_schedule")
    else:
        form = FeeRateForm(initial=_initial_rate(request))
    page = Paginator(queries.fee_schedule(), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "members/fee_schedule.html", {"form": form, "page_obj": page, "query": ""}
    )


def _initial_rate(request: HttpRequest) -> dict[str, Any]:
    """The values of the rate to change (`?modifier=<id>`), or next year's schedule."""
    rate = FeeRate.objects.filter(pk=_int(request.GET.get("modifier"))).first()
    if rate is None:
        return {"valid_from": queries.current_year() + 1}
    return {
        "valid_from": rate.valid_from,
        "dues_category": rate.dues_category,
        "headcount_band": rate.headcount_band,
        "amount": rate.amount,
    }


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


@login_required
def fee_rate_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes the rate."""
    _require_manager(request)
    rate = get_object_or_404(FeeRate, pk=pk)
    if request.method == "POST":
        description = str(rate)
        services.delete_fee_rate(actor=request.user, rate=rate)
        messages.success(request, _("Rate deleted: %(rate)s") % {"rate": description})
        return redirect("members:fee_schedule")
    return render(request, "members/fee_rate_confirm_delete.html", {"rate": rate})
