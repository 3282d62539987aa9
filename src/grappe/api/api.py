"""The HTTP API, version 1: one router per domain app."""

from ninja import NinjaAPI

api = NinjaAPI(title="Grappe API", version="1", urls_namespace="api-v1")
