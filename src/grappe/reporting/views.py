"""The home page and its key figures."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from grappe.members import queries as members_queries
from grappe.reporting.queries import key_figures


def home(request: HttpRequest) -> HttpResponse:
    year = members_queries.current_year()
    context = {
        "year": year,
        "figures": key_figures(year),
        "my_organisations": list(members_queries.organisations_of(request.user).distinct()),
    }
    return render(request, "reporting/home.html", context)
