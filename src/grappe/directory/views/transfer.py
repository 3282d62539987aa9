"""Import of an organisation file by the staff (upload, preview, confirm) and export of the
directory as CSV or XLSX, with the search page's filters."""

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.directory.forms.transfer import ConfirmImportForm, ImportForm
from grappe.directory.queries import clean_values, search_query
from grappe.directory.search.service import search
from grappe.directory.search.types import FILTERS, MAX_LIMIT
from grappe.directory.transfer.exporting import (
    CONTENT_TYPES,
    FORMATS,
    organisation_file,
    organisations_to_export,
    organisations_with_ids_to_export,
)
from grappe.directory.transfer.importing import (
    ImportRejected,
    import_organisations_file,
    preview_import,
)
from grappe.directory.transfer.reading import FileRejected
from grappe.directory.transfer.rows import CREATE, UPDATE, ImportPlan
from grappe.members.models import Organisation

IMPORT_PERM = "directory.import_organisations"
EXPORT_PERM = "directory.export_organisations"
TEMPLATE = "directory/import.html"
SHOWN = 500  # rows and errors listed on the preview; the counts cover all of them
TRUE_VALUES = {"1", "on", "true", "yes"}

# Between the preview and the confirmation, the file waits in the user's session, which the
# database keeps (Django's default session engine): any process of a deployment confirms
# what another one previewed, and no local file is the source of truth. The confirmation
# names the file by its digest, so that a preview in another tab cannot be confirmed in its
# place; the import then checks every row again, in the transaction that writes.
SESSION_KEY = "directory.import"


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def _template(request: HttpRequest) -> str:
    partial = request.htmx and not request.htmx.history_restore_request
    return f"{TEMPLATE}#preview" if partial else TEMPLATE


def _preview_context(plan: ImportPlan, *, name: str, digest: str) -> dict:
    changing = [row for row in plan.rows if row.action in (CREATE, UPDATE)]
    return {
        "plan": plan,
        "file_name": name,
        "digest": digest,
        "rows": changing[:SHOWN],
        "hidden_rows": max(0, len(changing) - SHOWN),
        "errors": plan.errors[:SHOWN],
        "hidden_errors": max(0, len(plan.errors) - SHOWN),
    }


@login_required
def import_organisations(request: HttpRequest) -> HttpResponse:
    """Upload a file and see, row by row, what importing it would do; nothing is written."""
    _require(request, IMPORT_PERM)
    context = {}
    form = ImportForm()
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            try:
                plan = preview_import(content=content, filename=upload.name)
            except FileRejected as error:
                form.add_error("file", error.message)
            else:
                digest = hashlib.sha256(content).hexdigest()
                request.session.pop(SESSION_KEY, None)
                if not plan.errors:
                    request.session[SESSION_KEY] = {
                        "name": upload.name,
                        "digest": digest,
                        "content": base64.b64encode(content).decode("ascii"),
                    }
                context |= _preview_context(plan, name=upload.name, digest=digest)
    context["form"] = form
    return render(request, _template(request), context)


@login_required
@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    """Import the file previewed last: all of its rows, or nothing."""
    _require(request, IMPORT_PERM)
    form = ConfirmImportForm(request.POST)
    kept = request.session.get(SESSION_KEY)
    if not (form.is_valid() and kept and kept.get("digest") == form.cleaned_data["digest"]):
        messages.error(request, _("This preview is out of date: upload the file again."))
        return redirect("directory_transfer:import_organisations")
    try:
        plan = import_organisations_file(
            actor=request.user,
            content=base64.b64decode(kept["content"]),
            filename=kept["name"],
        )
    except ImportRejected as error:
        # The directory changed since the preview and some rows no longer fit.
        request.session.pop(SESSION_KEY, None)
        context = _preview_context(error.plan, name=kept["name"], digest=kept["digest"])
        return render(request, TEMPLATE, {**context, "form": ImportForm()})
    except (FileRejected, ValidationError) as error:
        request.session.pop(SESSION_KEY, None)
        text = error.message if isinstance(error, FileRejected) else " ".join(error.messages)
        messages.error(request, text)
        return redirect("directory_transfer:import_organisations")
    request.session.pop(SESSION_KEY, None)
    messages.success(
        request,
        _("%(name)s imported: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
        % {
            "name": kept["name"],
            "created": plan.created,
            "updated": plan.updated,
            "unchanged": plan.unchanged,
        },
    )
    return redirect("directory_transfer:import_organisations")


def _matching_organisations(request: HttpRequest) -> Iterator[Organisation]:
    """The organisations the search page shows for the same query string, in name order."""
    params = request.GET
    filters = {name: clean_values(params.getlist(name)) for name in FILTERS}
    members_only = params.get("members_only", "").lower() in TRUE_VALUES
    text = params.get("q", "")
    if not (text.strip() or members_only or any(filters.values())):
        return organisations_to_export(Organisation.objects.all())
    query = search_query(text=text, filters=filters, members_only=members_only, limit=MAX_LIMIT)
    ids: list[int] = []
    while True:  # every page of the answer, in the search's largest pages
        result = search(replace(query, offset=len(ids)))
        ids += [hit.organisation_id for hit in result.hits]
        if not result.hits or len(ids) >= result.count:
            return organisations_with_ids_to_export(ids)


@login_required
def export_organisations(request: HttpRequest) -> HttpResponse:
    """The directory as a file in the import's columns: `?format=csv|xlsx` plus the search
    page's query string (q, the facets, members_only)."""
    _require(request, EXPORT_PERM)
    file_format = request.GET.get("format", "csv")
    if file_format not in FORMATS:
        return HttpResponseBadRequest(_("The format must be csv or xlsx."))
    content = organisation_file(_matching_organisations(request), file_format=file_format)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    name = f"organisations-{timezone.localdate():%Y-%m-%d}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
