"""Funding calls and the scoring grid (public to read, the staff write), and the labelling
figures (staff)."""

import dataclasses
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.pagination import paginate

from grappe.api.labelling import common
from grappe.api.labelling.inputs import CallFilters, CallIn, CallPatch, FiguresFilters
from grappe.api.labelling.schemas import CallOut, CriterionOut, FiguresOut
from grappe.api.pagination import Pagination
from grappe.labelling import figures, queries, services
from grappe.labelling.models import FundingCall

router = Router(tags=["labelling: calls and figures"])
CENTS = Decimal("0.01")


@router.get("/calls", response=list[CallOut])
@paginate(Pagination)
def list_calls(request: HttpRequest, filters: Query[CallFilters]):
    """The funding calls, the latest deadline first."""
    calls = FundingCall.objects.all()
    if filters.open:
        calls = calls.filter(deadline__gte=timezone.localdate())
    if filters.funder:
        calls = calls.filter(funder=filters.funder)
    return calls.order_by("-deadline", "name", "id")


@router.get("/calls/{int:call_id}", response=CallOut)
def get_call(request: HttpRequest, call_id: int):
    return get_object_or_404(FundingCall, pk=call_id)


@router.post("/calls", response={201: CallOut})
def create_call(request: HttpRequest, payload: CallIn):
    user = common.require(request, "labelling.manage")
    return Status(201, services.create_call(actor=user, data=payload.model_dump()))


@router.patch("/calls/{int:call_id}", response=CallOut)
def update_call(request: HttpRequest, call_id: int, payload: CallPatch):
    user = common.require(request, "labelling.manage")
    call = get_object_or_404(FundingCall, pk=call_id)
    return services.update_call(actor=user, call=call, data=payload.model_dump(exclude_unset=True))


@router.get("/criteria", response=list[CriterionOut])
def list_criteria(request: HttpRequest):
    """The scoring grid in use: each criterion's code, labels and weight."""
    return queries.criteria()


@router.get("/labelling/figures", response=FiguresOut)
def labelling_figures(request: HttpRequest, filters: Query[FiguresFilters]):
    """Labelled projects per year, market, funder and call; selection and funded rates;
    budget, aid and leverage (staff). With `year`, the rounds decided that year."""
    common.require(request, "labelling.manage")
    data = dataclasses.asdict(figures.figures(filters.year))
    # The same amounts whatever the database: SQLite sums decimals without their places.
    for name in ("funded_budget", "aid_obtained"):
        data[name] = Decimal(data[name]).quantize(CENTS)
    return data
