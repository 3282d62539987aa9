"""PLACEHOLDER — replaced by the real views."""

from django.http import HttpResponse


def organisation_list(request, **kwargs):
    return HttpResponse("placeholder")


def organisation_create(request, **kwargs):
    return HttpResponse("placeholder")


def organisation_detail(request, **kwargs):
    return HttpResponse("placeholder")


def organisation_edit(request, **kwargs):
    return HttpResponse("placeholder")


def organisation_clusters(request, **kwargs):
    return HttpResponse("placeholder")
