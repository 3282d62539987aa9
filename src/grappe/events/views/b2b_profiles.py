"""My B2B profile, the participants' catalogue with suggested matches, a participant's card."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from grappe.core.models import Term
from grappe.events import b2b_queries
from grappe.events.forms.b2b import ProfileForm, RequestForm
from grappe.events.models import B2BProfile, Event
from grappe.events.services.b2b_profiles import update_profile
from grappe.events.views.b2b_common import PAGE_SIZE, own_profile
from grappe.events.views.common import saved, wants_partial

MAX_TERM_FILTERS = 10


@login_required
def my_profile(request: HttpRequest, slug: str) -> HttpResponse:
    """My profile: what I offer and seek, the slots I cannot make, my listing."""
    event = b2b_queries.b2b_event(slug)
    profile = own_profile(request, event)
    form = ProfileForm(request.POST or None, profile=profile)

    def save_profile() -> str:
        update_profile(
            actor=request.user,
            profile=profile,
            offer=form.cleaned_data["offer"],
            seek=form.cleaned_data["seek"],
            offered_terms=form.terms("offered"),
            sought_terms=form.terms("sought"),
            unavailable_slots=form.cleaned_data["unavailable_slots"],
            is_listed=form.cleaned_data["is_listed"],
        )
        return _("Your B2B profile is saved.")

    if request.method == "POST" and saved(request, form, save_profile):
        return redirect("events:b2b_catalogue", slug=event.slug)
    status = 422 if form.is_bound and form.errors else 200
    return render(
        request,
        "events/b2b_profile_form.html",
        {"event": event, "profile": profile, "form": form},
        status=status,
    )


def _viewer_profile(request: HttpRequest, event: Event) -> B2BProfile | None:
    """The viewer's profile if they take part; None for the staff; 403 for anybody else."""
    if request.user.has_perm("events.take_part_in_meetings", event):
        return own_profile(request, event)
    if request.user.has_perm("events.manage_meetings"):
        return None
    raise PermissionDenied


@login_required
def catalogue(request: HttpRequest, slug: str) -> HttpResponse:
    """The listed participants, searchable by text and terms, paginated; my suggested
    matches above them."""
    event = b2b_queries.b2b_event(slug)
    viewer = _viewer_profile(request, event)
    text = request.GET.get("q", "").strip()[: b2b_queries.TEXT_MAX_LENGTH]
    codes = tuple(dict.fromkeys(request.GET.getlist("terme")))[:MAX_TERM_FILTERS]
    found = b2b_queries.catalogue(event, text=text, term_codes=codes)
    if viewer is not None:
        found = found.exclude(pk=viewer.pk)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode([("q", text), *(("terme", code) for code in codes)])
    context = {
        "event": event,
        "viewer": viewer,
        "page_obj": page,
        "text": text,
        "codes": codes,
        "query": query,
        "terms": Term.objects.order_by("facet", "label_fr"),
        "asked": b2b_queries.open_counterparts(viewer) if viewer else set(),
    }
    if wants_partial(request):
        return render(request, "events/b2b_catalogue.html#results", context)
    has_filters = bool(text or codes or page.number > 1)
    if viewer is not None and not has_filters:
        context["suggestions"] = b2b_queries.suggestions(viewer)
    return render(request, "events/b2b_catalogue.html", context)


@login_required
def participant(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A participant's card, with the request form when I may ask them."""
    event = b2b_queries.b2b_event(slug)
    viewer = _viewer_profile(request, event)
    profile = b2b_queries.profiles().filter(pk=pk, registration__event=event).first()
    if profile is None or not request.user.has_perm("events.view_b2b_profile", profile):
        raise Http404
    asked = b2b_queries.open_counterparts(viewer) if viewer else set()
    may_ask = viewer is not None and profile.pk != viewer.pk and profile.pk not in asked
    return render(
        request,
        "events/b2b_participant.html",
        {
            "event": event,
            "viewer": viewer,
            "profile": profile,
            "already": profile.pk in asked,
            "form": RequestForm() if may_ask and profile.is_listed else None,
        },
    )
