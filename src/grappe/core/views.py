"""PLACEHOLDER — replaced by the real views."""

from django.http import HttpResponse


def account(request):
    return HttpResponse("placeholder")


def token_create(request):
    return HttpResponse("placeholder")


def token_revoke(request, pk):
    return HttpResponse("placeholder")
