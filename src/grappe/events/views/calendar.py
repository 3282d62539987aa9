from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def calendar(request: HttpRequest) -> HttpResponse:
    """The public calendar of coming events (filled in by the events pages)."""
    return render(request, "events/calendar.html", {})
