"""The staff's experts' pool: who reviews, how often; add a user, invite a new external
expert (they choose their password from the e-mail), retire and reinstate."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.core.forms import apply_service_errors
from grappe.labelling import queries, services
from grappe.labelling.forms.experts import InviteExpertForm, RegisterExpertForm
from grappe.labelling.models import Expert
from grappe.labelling.views.common import PAGE_SIZE, require_staff, wants_partial

TEMPLATE = "labelling/expert_pool.html"
SEARCH_MAX_LENGTH = 100


def _name(expert: Expert) -> str:
    return expert.user.get_full_name() or expert.user.get_username()


def _pool_page(
    request: HttpRequest,
    *,
    invite_form: InviteExpertForm | None = None,
    register_form: RegisterExpertForm | None = None,
) -> HttpResponse:
    status = request.GET.get("statut", "")
    status = status if status in queries.POOL_STATUSES else ""
    sort = request.GET.get("tri", "name")
    sort = sort if sort in queries.EXPERT_SORTS else "name"
    search = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    if register_form is not None:
        search = request.POST.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    context = {
        "search": search,
        "candidates": queries.pool_candidates(search),
        "register_form": register_form,
    }
    if wants_partial(request):
        return render(request, f"{TEMPLATE}#candidates", context)
    page = Paginator(queries.expert_pool(status=status, sort=sort), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context |= {
        "page_obj": page,
        "status": status,
        "sort": sort,
        "filter_query": urlencode({"statut": status}),
        "query": urlencode({"statut": status, "tri": sort}),
        "invite_form": invite_form or InviteExpertForm(),
    }
    return render(request, TEMPLATE, context)


@login_required
def expert_pool(request: HttpRequest) -> HttpResponse:
    """The pool, paginated and sorted; the search among users (an htmx partial)."""
    require_staff(request)
    return _pool_page(request)


@login_required
@require_POST
def expert_register(request: HttpRequest) -> HttpResponse:
    require_staff(request)
    form = RegisterExpertForm(request.POST)
    if form.is_valid():
        try:
            expert = services.register_expert(
                actor=request.user,
                user=form.cleaned_data["user"],
                expertise=form.cleaned_data["expertise"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s is in the experts' pool.") % {"name": _name(expert)}
            )
            return redirect("labelling:expert_pool")
    return _pool_page(request, register_form=form)


@login_required
def expert_invite(request: HttpRequest) -> HttpResponse:
    """POST opens the expert's login and sends the invitation; GET shows the pool's page."""
    require_staff(request)
    if request.method != "POST":
        return redirect("labelling:expert_pool")
    form = InviteExpertForm(request.POST)
    if form.is_valid():
        try:
            expert = services.invite_expert(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "%(name)s is in the experts' pool: an e-mail to %(email)s invites them "
                    "to choose a password."
                )
                % {"name": _name(expert), "email": expert.user.email},
            )
            return redirect("labelling:expert_pool")
    return _pool_page(request, invite_form=form)


def _confirm(request: HttpRequest, *, title: str, text: str, button: str) -> HttpResponse:
    context = {
        "title": title,
        "text": text,
        "button": button,
        "cancel_url": reverse("labelling:expert_pool"),
    }
    return render(request, "labelling/confirm.html", context)


@login_required
def expert_retire(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST takes the expert out of the pool (the assignments
    already made stay)."""
    require_staff(request)
    expert = get_object_or_404(Expert.objects.select_related("user"), pk=pk)
    if request.method != "POST":
        return _confirm(
            request,
            title=_("Retire %(name)s from the experts' pool?") % {"name": _name(expert)},
            text=_(
                "They will no longer be offered for new assignments; the reviews they have "
                "been assigned stay."
            ),
            button=_("Retire"),
        )
    services.retire_expert(actor=request.user, expert=expert)
    messages.success(request, _("%(name)s is retired from the pool.") % {"name": _name(expert)})
    return redirect("labelling:expert_pool")


@login_required
def expert_reinstate(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST puts a retired expert back in the pool."""
    require_staff(request)
    expert = get_object_or_404(Expert.objects.select_related("user"), pk=pk)
    if request.method != "POST":
        return _confirm(
            request,
            title=_("Put %(name)s back in the experts' pool?") % {"name": _name(expert)},
            text=_("They will be offered again for new assignments."),
            button=_("Reinstate"),
        )
    if not expert.is_active:
        services.register_expert(actor=request.user, user=expert.user)
    messages.success(request, _("%(name)s is available again.") % {"name": _name(expert)})
    return redirect("labelling:expert_pool")
