"""Bearer-token authentication: `Authorization: Bearer <token>`.

No Authorization header at all is the anonymous public. A header that is malformed, or
that carries an unknown or revoked token, is refused with 401: a client whose token stops
working must learn it, not silently get the public view. The browser session is ignored,
so the API never acts on a cookie (and needs no CSRF token).
"""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security import HttpBearer

from grappe.core.models import User
from grappe.core.services import user_for_token


class BearerToken(HttpBearer):
    def __call__(self, request: HttpRequest) -> User | AnonymousUser | None:
        header = request.headers.get(self.header)
        if header is None:
            request.user = AnonymousUser()
            return request.user
        scheme, _space, raw = header.strip().partition(" ")
        if scheme.lower() != self.openapi_scheme or not raw.strip():
            return None
        return self.authenticate(request, raw.strip())

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user
