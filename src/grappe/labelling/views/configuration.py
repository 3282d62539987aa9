"""What the staff set up: the scoring grid (criteria and weights) and the funding calls."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from grappe.core.forms import apply_service_errors
from grappe.labelling import queries, services
from grappe.labelling.forms.staff import CallForm, CriterionForm
from grappe.labelling.models import Criterion, FundingCall
from grappe.labelling.views.common import PAGE_SIZE, require_staff

# The scoring grid ------------------------------------------------------------------------


@login_required
def criteria(request: HttpRequest) -> HttpResponse:
    """The grid's criteria with their weights, and a form for a new one."""
    require_staff(request)
    form = CriterionForm(request.POST if request.method == "POST" else None, prefix="new")
    if request.method == "POST" and form.is_valid():
        try:
            criterion = services.create_criterion(actor=request.user, data=form.data_for_service())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("The criterion “%(label)s” is added.") % {"label": criterion.label}
            )
            return redirect("labelling:criteria")
    rows = list(queries.criteria(active_only=False))
    total = sum((row.weight for row in rows if row.is_active), 0)
    context = {"criteria": rows, "form": form, "total_weight": total}
    return render(request, "labelling/criteria.html", context)


@login_required
def criterion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_staff(request)
    criterion = get_object_or_404(Criterion, pk=pk)
    # The form works on a copy: the service compares the criterion before and after.
    form = CriterionForm(
        request.POST if request.method == "POST" else None, instance=Criterion.objects.get(pk=pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_criterion(
                actor=request.user, criterion=criterion, data=form.data_for_service()
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The criterion has been saved."))
            return redirect("labelling:criteria")
    return render(request, "labelling/criterion_form.html", {"criterion": criterion, "form": form})


# Funding calls ---------------------------------------------------------------------------


@login_required
def call_list(request: HttpRequest) -> HttpResponse:
    require_staff(request)
    page = Paginator(queries.calls().order_by("-deadline", "name"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "labelling/call_list.html", {"page_obj": page, "query": ""})


@login_required
def call_create(request: HttpRequest) -> HttpResponse:
    require_staff(request)
    form = CallForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.create_call(actor=request.user, data=form.data_for_service())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The call “%(name)s” is created.") % {"name": call.name})
            return redirect("labelling:call_list")
    return render(request, "labelling/call_form.html", {"form": form, "call": None})


@login_required
def call_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_staff(request)
    call = get_object_or_404(FundingCall, pk=pk)
    form = CallForm(
        request.POST if request.method == "POST" else None, instance=FundingCall.objects.get(pk=pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_call(actor=request.user, call=call, data=form.data_for_service())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The call has been saved."))
            return redirect("labelling:call_list")
    return render(request, "labelling/call_form.html", {"form": form, "call": call})
