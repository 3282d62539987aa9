"""An organisation's capabilities: terms, descriptions, equipment and tolerances.

The staff and the organisation's own contacts edit them (perm `directory.edit_capabilities`).
Equipment and tolerances are rows added and removed in place with htmx; without JavaScript
the same forms post and come back to the page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.core.forms import apply_service_errors
from grappe.core.models import Facet
from grappe.directory import services
from grappe.directory.forms.capabilities import CapabilitiesForm, EquipmentForm, ToleranceForm
from grappe.directory.models import Equipment, Tolerance
from grappe.directory.queries import (
    capabilities_of,
    organisation_equipment,
    organisation_tolerances,
)
from grappe.directory.views.common import editable_organisation, wants_partial
from grappe.members.models import Organisation

TEMPLATE = "directory/capabilities_edit.html"


def _edit_url(organisation: Organisation) -> str:
    return reverse("directory:capabilities_edit", kwargs={"slug": organisation.slug})


def _page(request: HttpRequest, organisation: Organisation, **forms) -> HttpResponse:
    capabilities = capabilities_of(organisation)
    context = {
        "organisation": organisation,
        "equipment": capabilities.equipment,
        "tolerances": capabilities.tolerances,
        "form": CapabilitiesForm(initial=CapabilitiesForm.initial_for(capabilities)),
        "equipment_form": EquipmentForm(prefix="equipment"),
        "tolerance_form": ToleranceForm(prefix="tolerance"),
    }
    context.update(forms)
    return render(request, TEMPLATE, context)


@login_required
def capabilities_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = editable_organisation(request, slug)
    if request.method != "POST":
        return _page(request, organisation)
    form = CapabilitiesForm(request.POST)
    if form.is_valid():
        try:
            # Terms and descriptions are saved together or not at all.
            with transaction.atomic():
                services.set_capabilities(
                    actor=request.user,
                    organisation=organisation,
                    terms=form.terms(),
                    facets=Facet.values,
                )
                services.update_capability_profile(
                    actor=request.user,
                    organisation=organisation,
                    text_fr=form.cleaned_data["text_fr"],
                    text_en=form.cleaned_data["text_en"],
                )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The capabilities of %(name)s have been saved.") % {"name": organisation.name},
            )
            return redirect(organisation)
    return _page(request, organisation, form=form)


def _rows(request: HttpRequest, organisation: Organisation, partial: str, **forms) -> HttpResponse:
    """The equipment or tolerance card alone, for htmx."""
    context = {
        "organisation": organisation,
        "equipment": list(organisation_equipment(organisation)),
        "tolerances": list(organisation_tolerances(organisation)),
        "equipment_form": EquipmentForm(prefix="equipment"),
        "tolerance_form": ToleranceForm(prefix="tolerance"),
    }
    context.update(forms)
    return render(request, f"{TEMPLATE}#{partial}", context)


@login_required
@require_POST
def equipment_add(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = editable_organisation(request, slug)
    form = EquipmentForm(request.POST, prefix="equipment")
    if form.is_valid():
        try:
            services.add_equipment(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
    if wants_partial(request):
        # Once added, the row shows in the list and the form is empty again.
        shown = form if form.errors else EquipmentForm(prefix="equipment")
        return _rows(request, organisation, "equipment", equipment_form=shown)
    if form.errors:
        return _page(request, organisation, equipment_form=form)
    messages.success(request, _("The equipment has been added."))
    return redirect(_edit_url(organisation) + "#equipment")


@login_required
def equipment_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET asks for confirmation (without JavaScript); POST removes the row."""
    organisation = editable_organisation(request, slug)
    equipment = get_object_or_404(Equipment, pk=pk, organisation=organisation)
    if request.method != "POST":
        return render(
            request,
            "directory/confirm_remove.html",
            {"organisation": organisation, "thing": equipment, "anchor": "equipment"},
        )
    services.remove_equipment(actor=request.user, equipment=equipment)
    if wants_partial(request):
        return _rows(request, organisation, "equipment")
    messages.success(request, _("The equipment has been removed."))
    return redirect(_edit_url(organisation) + "#equipment")


@login_required
@require_POST
def tolerance_add(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = editable_organisation(request, slug)
    form = ToleranceForm(request.POST, prefix="tolerance")
    if form.is_valid():
        try:
            services.add_tolerance(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
    if wants_partial(request):
        shown = form if form.errors else ToleranceForm(prefix="tolerance")
        return _rows(request, organisation, "tolerances", tolerance_form=shown)
    if form.errors:
        return _page(request, organisation, tolerance_form=form)
    messages.success(request, _("The tolerance has been added."))
    return redirect(_edit_url(organisation) + "#tolerances")


@login_required
def tolerance_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET asks for confirmation (without JavaScript); POST removes the row."""
    organisation = editable_organisation(request, slug)
    tolerance = get_object_or_404(Tolerance, pk=pk, organisation=organisation)
    if request.method != "POST":
        return render(
            request,
            "directory/confirm_remove.html",
            {"organisation": organisation, "thing": tolerance, "anchor": "tolerances"},
        )
    services.remove_tolerance(actor=request.user, tolerance=tolerance)
    if wants_partial(request):
        return _rows(request, organisation, "tolerances")
    messages.success(request, _("The tolerance has been removed."))
    return redirect(_edit_url(organisation) + "#tolerances")
