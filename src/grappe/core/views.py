"""The user's own page: who they are, their organisations and their API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.core import queries, services
from grappe.core.account_forms import TokenForm
from grappe.core.forms import apply_service_errors
from grappe.core.models import ApiToken

ACCOUNT_TEMPLATE = "core/account.html"


def _render_account(
    request: HttpRequest, *, form: TokenForm, issued: services.IssuedToken | None = None
) -> HttpResponse:
    """The account page, or only its token section for an htmx request."""
    context = {
        "form": form,
        "issued": issued,
        "tokens": queries.tokens_of(request.user),
    }
    if request.htmx:
        return render(request, f"{ACCOUNT_TEMPLATE}#tokens", context)
    account = queries.account_of(request.user)
    person = getattr(account, "person", None)  # None when no person is linked to the user
    context |= {
        "account": account,
        "person": person,
        "affiliations": person.affiliations.all() if person else [],
    }
    return render(request, ACCOUNT_TEMPLATE, context)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    return _render_account(request, form=TokenForm())


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    """Create a token and show its secret once, on this response only: it is never stored."""
    if not request.user.has_perm("core.use_api_tokens"):
        raise PermissionDenied
    form = TokenForm(request.POST)
    issued = None
    if form.is_valid():
        try:
            issued = services.create_api_token(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            form = TokenForm()
    return _render_account(request, form=form, issued=issued)


@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST revokes. Only the owner may revoke a token."""
    token = get_object_or_404(ApiToken, pk=pk)
    if not request.user.has_perm("core.revoke_api_token", token):
        raise PermissionDenied
    if request.method != "POST":
        return render(request, "core/token_revoke.html", {"token": token})
    services.revoke_api_token(token=token, actor=request.user)
    if request.htmx:
        return _render_account(request, form=TokenForm())
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("account")
