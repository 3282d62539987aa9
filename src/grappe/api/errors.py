"""How the API answers errors: one JSON shape per kind, never a 500 on bad input.

- a Django ValidationError raised by a service: 422, in the shape of ninja's own
  validation errors, with the field named in `loc` (`["body", "<field>"]`);
- PermissionDenied: 403 `{"detail": "..."}`, or 401 when no token was sent;
- a missing object: 404;
- a move that the object's state forbids (`Conflict`): 409 `{"detail": "..."}`;
- a bad or revoked token: 401 with a `WWW-Authenticate: Bearer` header.
"""

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

# Every endpoint names its JSON body parameter `payload`; ninja puts that name in `loc`,
# which says nothing to a client, so it is removed to give `["body", "<field>"]`.
BODY_PARAMETER = "payload"


class Conflict(Exception):
    """The object's current state forbids the requested change (HTTP 409)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def service_errors(error: DjangoValidationError, *, location: str = "body") -> list[dict]:
    """A service's ValidationError as ninja's list of errors, one per message."""
    if hasattr(error, "error_dict"):
        pairs = [
            (field, message)
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    else:
        pairs = [(NON_FIELD_ERRORS, message) for message in error.messages]
    return [
        {
            "loc": [location] if field == NON_FIELD_ERRORS else [location, field],
            "msg": message,
            "type": "value_error",
        }
        for field, message in pairs
    ]


def field_error(field: str, message: str, *, location: str = "body") -> NinjaValidationError:
    """A 422 for one field, for checks the API makes itself (an unknown slug in a body)."""
    return NinjaValidationError([{"loc": [location, field], "msg": message, "type": "value_error"}])


def _without_body_parameter(error: dict[str, Any]) -> dict[str, Any]:
    loc = list(error.get("loc", []))
    if loc[:2] == ["body", BODY_PARAMETER]:
        loc = ["body", *loc[2:]]
    return {**error, "loc": loc}


def install_error_handlers(api: NinjaAPI) -> None:
    def detail(request: HttpRequest, message: str, status: int) -> HttpResponse:
        return api.create_response(request, {"detail": message}, status=status)

    @api.exception_handler(DjangoValidationError)
    def on_service_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return api.create_response(request, {"detail": service_errors(exc)}, status=422)

    @api.exception_handler(NinjaValidationError)
    def on_input_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = [_without_body_parameter(error) for error in exc.errors]
        return api.create_response(request, {"detail": errors}, status=422)

    def ask_for_token(request: HttpRequest, message: str) -> HttpResponse:
        response = detail(request, message, 401)
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    @api.exception_handler(PermissionDenied)
    def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        if not request.user.is_authenticated:
            return ask_for_token(request, _("Authentication required: send an API token."))
        return detail(request, str(exc) or _("You do not have permission to do this."), 403)

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return detail(request, _("Not found."), 404)

    @api.exception_handler(ObjectDoesNotExist)
    def on_missing_object(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
        return detail(request, _("Not found."), 404)

    @api.exception_handler(Conflict)
    def on_conflict(request: HttpRequest, exc: Conflict) -> HttpResponse:
        return detail(request, exc.message, 409)

    @api.exception_handler(AuthenticationError)
    def on_bad_token(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return ask_for_token(request, _("The API token is invalid or has been revoked."))
