from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from eolc.audit.models import Action
from eolc.audit.services import audit_record
from eolc.privacy import services
from eolc.privacy.forms import StaffErasureForm
from eolc.privacy.presenters import data_summary
from eolc.programmes import access


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


@login_required
@require_http_methods(["GET", "POST"])
def erase_person(request, pk):
    """Staff erase someone now, after a confirmation (a person erases themselves by closing their account).

    Site admins may erase anyone but site admins; programme admins only people who belong to
    nothing but the programmes they run and hold no staff role (eolc/programmes/access/privacy.py).
    """
    if not access.can_manage_people(request.user):
        raise PermissionDenied("Only programme and site administrators can erase people.")
    person = access.get_erasable_person_or_404(request.user, pk)
    form = StaffErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.person_erase(person=person, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, "The person has been erased. Their records still count in reports.")
        return redirect("programmes:people")
    if request.method == "GET":
        audit_record(
            actor=request.user,
            action=Action.PERSONAL_DATA_VIEWED,
            target=person,
            detail={"page": "erasure"},
            request=request,
        )
    return render(
        request,
        "privacy/erase_person.html",
        {"person": person, "form": form, "summary": data_summary(person)},
    )
