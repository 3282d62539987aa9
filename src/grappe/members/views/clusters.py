"""PLACEHOLDER — replaced by the real views."""

from django.http import HttpResponse


def cluster_list(request, **kwargs):
    return HttpResponse("placeholder")


def cluster_detail(request, **kwargs):
    return HttpResponse("placeholder")


def cluster_edit(request, **kwargs):
    return HttpResponse("placeholder")
