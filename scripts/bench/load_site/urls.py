"""The site's URLs plus `/bench/hello/` for the load benchmark (see settings.py)."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from eolc import urls as site


@require_GET
def hello(request):
    return HttpResponse("hello", content_type="text/plain")


handler403 = getattr(site, "handler403", None)
handler404 = getattr(site, "handler404", None)
handler500 = getattr(site, "handler500", None)
urlpatterns = [path("bench/hello/", hello), *site.urlpatterns]
