"""PLACEHOLDER — replaced by the real views."""

from django.http import HttpResponse


def membership_list(request, **kwargs):
    return HttpResponse("placeholder")


def membership_renew(request, **kwargs):
    return HttpResponse("placeholder")


def fee_schedule(request, **kwargs):
    return HttpResponse("placeholder")


def fee_rate_delete(request, **kwargs):
    return HttpResponse("placeholder")


def membership_create(request, **kwargs):
    return HttpResponse("placeholder")


def membership_status(request, **kwargs):
    return HttpResponse("placeholder")


def membership_invoice(request, **kwargs):
    return HttpResponse("placeholder")


def membership_payment(request, **kwargs):
    return HttpResponse("placeholder")
