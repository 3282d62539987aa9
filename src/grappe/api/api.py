"""The HTTP API, version 1: one router per domain app.

Authentication is a bearer token (`Authorization: Bearer <token>`), created and revoked by
each user on their account page; without a token the caller is the anonymous public.
"""

from ninja import NinjaAPI

from grappe.api import directory, events, labelling, meetings, members
from grappe.api.auth import BearerToken
from grappe.api.docs import LocalSwagger, install_docs_assets
from grappe.api.errors import install_error_handlers

DESCRIPTION = """
The API of Grappe, the platform of the pôle.

Send `Authorization: Bearer <token>` with a token created on your account page. Without
it you are the public: you see the public fields of organisations and the people who
agreed to appear in the directory. An unknown or revoked token is refused with 401.

Lists take `limit` and `offset` and return `{"count": N, "items": [...]}`. Errors are
JSON: 422 names the field in `detail[].loc`, 403/404/409 give a `detail` message.
"""

api = NinjaAPI(
    title="Grappe API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=BearerToken(),
    docs=LocalSwagger(),
)
install_error_handlers(api)
labelling.install_error_handlers(api)
install_docs_assets(api)
api.add_router("", members.router)
api.add_router("", directory.router)
api.add_router("", labelling.router)
api.add_router("", events.router)
api.add_router("", meetings.router)
