"""The follow-up of a labelled project: its funding per partner and funder, its results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.core.forms import apply_service_errors
from grappe.labelling import queries, services
from grappe.labelling.forms.common import split_errors
from grappe.labelling.forms.staff import FundingRows, ResultForm
from grappe.labelling.models import Application, Result
from grappe.labelling.views.applications import detail_page
from grappe.labelling.views.common import refused, require, require_staff

BLANK_LINES = 2


def _funding_page(request: HttpRequest, application: Application, rows: FundingRows):
    context = {
        "application": application,
        "project": application.project,
        "rows": rows,
        "partners": list(queries.project_partners(application.project)),
        "total": rows.total("amount"),
    }
    return render(request, "labelling/funding.html", context)


@login_required
def funding(request: HttpRequest, pk: int) -> HttpResponse:
    """The aid each partner obtained, per funder; saving it marks the application funded."""
    require_staff(request)
    application = queries.application_for(request.user, pk)
    partners = list(queries.project_partners(application.project))
    rows = FundingRows(partners, default_funder=application.call.funder)
    if request.method != "POST":
        existing = FundingRows.initial_for(
            list(application.funding_lines.select_related("partner"))
        )
        blank = [{} for _number in range(max(BLANK_LINES, len(partners) - len(existing)))]
        return _funding_page(request, application, rows.start(existing + blank))
    rows.bind(request.POST)
    if "add_line" in request.POST:
        return _funding_page(request, application, rows.edited(add=True))
    if rows.is_valid():
        try:
            services.record_funding(
                actor=request.user, application=application, lines=rows.entries()
            )
        except services.WrongState as error:
            return refused(request, application, error)
        except ValidationError as error:
            line_errors, others = split_errors(error, FundingRows.prefix)
            rows.apply_errors(line_errors)
            if others is not None:
                rows.errors.extend(others.messages)
        else:
            messages.success(request, _("The funding has been recorded."))
            return redirect(application.get_absolute_url() + "#funding")
    return _funding_page(request, application, rows)


@login_required
@require_POST
def result_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = queries.application_for(request.user, pk)
    require(request, "labelling.report_progress", application)
    form = ResultForm(request.POST)
    if form.is_valid():
        try:
            services.add_result(actor=request.user, application=application, **form.cleaned_data)
        except services.WrongState as error:
            return refused(request, application, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The result has been recorded."))
            return redirect(application.get_absolute_url() + "#results")
    return detail_page(request, application, result_form=form)


@login_required
def result_remove(request: HttpRequest, pk: int, result_pk: int) -> HttpResponse:
    """GET asks for confirmation; POST removes the result."""
    application = queries.application_for(request.user, pk)
    require(request, "labelling.report_progress", application)
    result = get_object_or_404(Result, pk=result_pk, application=application)
    if request.method != "POST":
        return render(
            request,
            "labelling/confirm.html",
            {
                "title": _("Remove the result “%(result)s”?") % {"result": result},
                "text": result.description,
                "button": _("Remove"),
                "cancel_url": application.get_absolute_url() + "#results",
            },
        )
    services.remove_result(actor=request.user, result=result)
    messages.success(request, _("The result has been removed."))
    return redirect(application.get_absolute_url() + "#results")
