from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def home(request):
    return render(request, "core/home.html")


@require_GET
def about(request):
    return render(request, "core/about.html")


@require_GET
def accessibility(request):
    return render(request, "core/accessibility.html")


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)
