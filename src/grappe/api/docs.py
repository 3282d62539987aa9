"""The interactive API documentation, served with no CDN.

ninja's own Swagger page loads its scripts from a CDN unless `ninja` is an installed
Django app. Grappe serves the Swagger UI files that the django-ninja package ships, from
the API's own URLs, so the documentation works on a machine with no internet access.
"""

import json
from pathlib import Path
from typing import Any

import ninja
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from ninja import NinjaAPI
from ninja.openapi.docs import DocsBase

ASSETS_DIR = Path(ninja.__file__).resolve().parent / "static" / "ninja"
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-init.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon.png": "image/png",
}


class LocalSwagger(DocsBase):
    settings = {"layout": "BaseLayout", "deepLinking": True, "persistAuthorization": True}

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        assets = {
            name.replace("-", "_").replace(".", "_"): reverse(
                f"{api.urls_namespace}:docs_asset", kwargs={"name": name}
            )
            for name in ASSETS
        }
        context = {"api": api, "swagger_settings": json.dumps(settings), "assets": assets}
        return render(request, "api/swagger.html", context)


def install_docs_assets(api: NinjaAPI) -> None:
    @api.get("/docs/assets/{name}", auth=None, include_in_schema=False, url_name="docs_asset")
    def docs_asset(request: HttpRequest, name: str) -> FileResponse:
        if name not in ASSETS:
            raise Http404(name)
        response = FileResponse((ASSETS_DIR / name).open("rb"), content_type=ASSETS[name])
        response["Cache-Control"] = "public, max-age=86400"
        return response
