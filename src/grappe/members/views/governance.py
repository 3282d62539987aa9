"""PLACEHOLDER — replaced by the real views."""

from django.http import HttpResponse


def governance(request, **kwargs):
    return HttpResponse("placeholder")


def partnership_list(request, **kwargs):
    return HttpResponse("placeholder")
