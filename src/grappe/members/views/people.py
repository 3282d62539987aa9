"""People pages: a person's card, adding a contact to an organisation, editing a person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from grappe.core.forms import apply_service_errors
from grappe.core.queries import activity_for
from grappe.members import services
from grappe.members.forms.people import NewContactForm, PersonForm
from grappe.members.models import Organisation, Person
from grappe.members.queries import person_affiliations


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    if not request.user.has_perm("members.view_person", person):
        # The public must not learn that a person who did not consent is on file.
        if not request.user.is_authenticated:
            raise Http404
        raise PermissionDenied
    can_see_activity = request.user.has_perm("core.view_activity", person)
    context = {
        "person": person,
        "affiliations": person_affiliations(person),
        "can_edit": request.user.has_perm("members.edit_person", person),
        "can_see_activity": can_see_activity,
        "entries": activity_for(person) if can_see_activity else [],
    }
    return render(request, "members/person_detail.html", context)


@login_required
def person_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Add a new person to an organisation, with their role in it."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("members.add_person_to", organisation):
        raise PermissionDenied
    form = NewContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.create_person(
                actor=request.user,
                data=form.service_data(),
                organisation=organisation,
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(person)s has been added to %(organisation)s.")
                % {"person": person.full_name, "organisation": organisation.name},
            )
            return redirect(organisation)
    return render(
        request,
        "members/person_form.html",
        {"form": form, "organisation": organisation, "person": None},
    )


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    if not request.user.has_perm("members.edit_person", person):
        raise PermissionDenied
    form = PersonForm(request.POST or None, initial=PersonForm.initial_for(person))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_person(actor=request.user, person=person, data=form.service_data())
        except ValidationError as error:
            apply_service_errors(form, error)
            person.refresh_from_db()  # the service may have set the refused values
        else:
            messages.success(
                request, _("%(person)s has been updated.") % {"person": person.full_name}
            )
            return redirect(person)
    return render(
        request, "members/person_form.html", {"form": form, "organisation": None, "person": person}
    )
