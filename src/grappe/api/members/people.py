"""People: visible when they consented to the directory, or to the staff, themselves and
their colleagues (permission `members.view_person`); the others are not listed at all."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import paginate

from grappe.api.members.common import require
from grappe.api.members.organisations import get_organisation_or_404
from grappe.api.members.schemas import PersonFilters, PersonIn, PersonOut, PersonPatch
from grappe.api.pagination import Pagination
from grappe.members import services
from grappe.members.models import Person
from grappe.members.queries import directory_people, people_visible_to

router = Router(tags=["people"])


def get_person_or_404(request: HttpRequest, person_id: int) -> Person:
    """The person, or 404 also when the user may not see them: their existence is private."""
    person = get_object_or_404(directory_people(consented_only=False), pk=person_id)
    if not request.user.has_perm("members.view_person", person):
        raise Http404
    return person


@router.get("/people", response=list[PersonOut])
@paginate(Pagination)
def list_people(request: HttpRequest, filters: Query[PersonFilters]):
    return people_visible_to(request.user, organisation=filters.organisation)


@router.get("/people/{int:person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: int):
    return get_person_or_404(request, person_id)


@router.post("/organisations/{slug:slug}/people", response={201: PersonOut})
def create_person(request: HttpRequest, slug: str, payload: PersonIn):
    """Add a contact to an organisation: the staff, or a contact of that organisation."""
    organisation = get_organisation_or_404(slug)
    user = require(request, "members.add_person_to", organisation)
    data = payload.model_dump(mode="json")
    role = data.pop("role")
    person = services.create_person(actor=user, data=data, organisation=organisation, role=role)
    return Status(201, get_person_or_404(request, person.pk))


@router.patch("/people/{int:person_id}", response=PersonOut)
def update_person(request: HttpRequest, person_id: int, payload: PersonPatch):
    """The staff, the person themselves, or a colleague from the same organisation."""
    person = get_person_or_404(request, person_id)
    user = require(request, "members.edit_person", person)
    services.update_person(
        actor=user, person=person, data=payload.model_dump(mode="json", exclude_unset=True)
    )
    return get_person_or_404(request, person.pk)
