from django.http import JsonResponse
from django.shortcuts import render
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
    return render(request, "500.html", status=500)
