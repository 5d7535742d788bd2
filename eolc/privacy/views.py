from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from eolc.privacy import services
from eolc.privacy.presenters import data_summary


@require_GET
def notice(request):
    return render(request, "privacy/notice.html", {"erase_after_days": settings.PRIVACY_ERASE_AFTER_DAYS})


@login_required
@require_GET
def my_data(request):
    return render(
        request,
        "privacy/my_data.html",
        {"summary": data_summary(request.user), "erase_after_days": settings.PRIVACY_ERASE_AFTER_DAYS},
    )


@login_required
@require_GET
def my_data_download(request):
    """Always the signed-in person's own data: there is no id in the address to change."""
    body = services.person_data_zip(person=request.user)
    response = HttpResponse(body, content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="eolc-together-my-data-{stamp}.zip"'
    response["Cache-Control"] = "no-store"
    return response
