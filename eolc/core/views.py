import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from eolc.core import health


@require_GET
def home(request):
    return render(request, "core/home.html")


@require_GET
def about(request):
    return render(request, "core/about.html")


@require_GET
def accessibility(request):
    return render(request, "core/accessibility.html")


@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: no personal data, no sign-in."""
    body, healthy = health.report()
    return JsonResponse(body, status=200 if healthy else 503)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    """Drawn without the request's context, which reads the session and roles from the database
    that may be what failed. A lost connection (or a deadlock) is 503: clients and load balancers
    try again. The API answers in its own JSON shape."""
    unavailable = isinstance(sys.exc_info()[1], OperationalError | InterfaceError)
    status = 503 if unavailable else 500
    if request.path.startswith("/api/"):
        detail = "The service is unavailable for a moment. Try again shortly."
        response = JsonResponse({"detail": detail if unavailable else "Something went wrong"}, status=status)
    else:
        response = HttpResponse(loader.render_to_string("500.html"), status=status)
    if unavailable:
        response["Retry-After"] = "30"
    return response
