from django.conf import settings


def pole(request):
    return {
        "POLE_NAME": settings.GRAPPE_POLE_NAME,
        "POLE_SHORT_NAME": settings.GRAPPE_POLE_SHORT_NAME,
    }
