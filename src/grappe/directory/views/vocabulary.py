"""The vocabulary, for the staff: terms by facet with their use, new terms, labels and
synonyms (perm `directory.manage_vocabulary`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from grappe.core import services as core_services
from grappe.core.forms import apply_service_errors
from grappe.core.models import Term
from grappe.directory.forms.vocabulary import TermForm, VocabularyFilterForm
from grappe.directory.queries import vocabulary
from grappe.directory.views.common import require, wants_partial

PAGE_SIZE = 100
PERM = "directory.manage_vocabulary"


@login_required
def vocabulary_list(request: HttpRequest) -> HttpResponse:
    require(request, PERM)
    form = VocabularyFilterForm(request.GET)
    filters = form.filters()
    page = Paginator(vocabulary(**filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "query": query.urlencode(),
        "is_filtered": any(filters.values()),
    }
    template = "directory/vocabulary_list.html"
    if wants_partial(request):
        template += "#terms"
    return render(request, template, context)


@login_required
def term_create(request: HttpRequest) -> HttpResponse:
    require(request, PERM)
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            term = core_services.create_term(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The term %(label)s has been added.") % {"label": term})
            return redirect("directory:vocabulary")
    return render(request, "directory/term_form.html", {"form": form, "term": None})


@login_required
def term_edit(request: HttpRequest, code: str) -> HttpResponse:
    require(request, PERM)
    term = get_object_or_404(Term, code=code)
    form = TermForm(request.POST or None, term=term)
    if request.method == "POST" and form.is_valid():
        try:
            core_services.update_term(actor=request.user, term=term, data=form.changes())
        except ValidationError as error:
            apply_service_errors(form, error)
            term.refresh_from_db()
        else:
            messages.success(request, _("The term %(label)s has been saved.") % {"label": term})
            return redirect("directory:vocabulary")
    return render(request, "directory/term_form.html", {"form": form, "term": term})
