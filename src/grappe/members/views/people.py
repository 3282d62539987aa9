"""PLACEHOLDER — replaced by the real views."""

from django.http import HttpResponse


def person_create(request, **kwargs):
    return HttpResponse("placeholder")


def person_detail(request, **kwargs):
    return HttpResponse("placeholder")


def person_edit(request, **kwargs):
    return HttpResponse("placeholder")
