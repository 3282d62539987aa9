"""The expert pages: my reviews, the declaration of no conflict, the dossier and its grid.

Before declaring no conflict of interest the expert sees only the project's acronym and
title. An expert with a conflict (a contact of a partner or of a competitor) gets 404, as
does anybody on another expert's assignment. Each look at the dossier is logged.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.labelling import queries, services
from grappe.labelling.conflicts import is_conflicted
from grappe.labelling.forms.reviews import DeclarationForm, ScoringForm
from grappe.labelling.models import Review, ReviewAssignment
from grappe.labelling.views.common import PAGE_SIZE
from grappe.labelling.workflow import REVIEWABLE


@login_required
def my_reviews(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.assignments_of(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "labelling/my_reviews.html", {"page_obj": page, "query": ""})


def _assignment(request: HttpRequest, pk: int) -> ReviewAssignment:
    """The user's own assignment, if they have no conflict on the project; 404 otherwise."""
    assignment = queries.assignments_of(request.user).filter(pk=pk).first()
    if assignment is None or is_conflicted(request.user, assignment.application.project):
        raise Http404("No review found.")
    return assignment


def _declaration_page(
    request: HttpRequest, assignment: ReviewAssignment, form: DeclarationForm
) -> HttpResponse:
    context = {"assignment": assignment, "application": assignment.application, "form": form}
    return render(request, "labelling/review_declare.html", context)


def _review_page(
    request: HttpRequest, assignment: ReviewAssignment, form: ScoringForm | None = None
) -> HttpResponse:
    application = assignment.application
    review = Review.objects.filter(assignment=assignment).prefetch_related("scores").first()
    criteria = list(queries.criteria())
    open_for_review = application.status in REVIEWABLE
    if form is None and open_for_review:
        form = ScoringForm(criteria=criteria, review=review)
    project = application.project
    context = {
        "assignment": assignment,
        "application": application,
        "project": project,
        "partners": list(queries.project_partners(project)),
        "markets": list(project.markets.all()),
        "processes": list(project.processes.all()),
        "documents": list(application.documents.all()),
        "review": review,
        "scores": list(review.scores.select_related("criterion")) if review else [],
        "form": form,
        "open_for_review": open_for_review,
    }
    return render(request, "labelling/review.html", context)


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The dossier and the scoring grid, once the expert has declared no conflict."""
    assignment = _assignment(request, pk)
    if assignment.no_conflict_declared_at is None:
        return _declaration_page(request, assignment, DeclarationForm())
    application = assignment.application
    services.record_expert_access(actor=request.user, application=application)
    if request.method != "POST":
        return _review_page(request, assignment)
    form = ScoringForm(request.POST, criteria=list(queries.criteria()))
    if form.is_valid():
        try:
            services.submit_review(
                actor=request.user,
                assignment=assignment,
                scores=form.scores(),
                comments=form.cleaned_data["comments"],
                comments_by_criterion=form.criterion_comments(),
            )
        except services.WrongState as error:
            for text in error.messages:
                messages.error(request, text)
            return redirect("labelling:review", pk=assignment.pk)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                form.add_service_errors(error.message_dict)
            else:
                form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your review has been submitted. Thank you."))
            return redirect("labelling:my_reviews")
    return _review_page(request, assignment, form)


@login_required
@require_POST
def declare(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment(request, pk)
    form = DeclarationForm(request.POST)
    if not form.is_valid():
        return _declaration_page(request, assignment, form)
    services.declare_no_conflict(actor=request.user, assignment=assignment)
    messages.success(request, _("Thank you: the dossier is now open to you."))
    return redirect("labelling:review", pk=assignment.pk)
