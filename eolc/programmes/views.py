from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from eolc.audit.models import Action
from eolc.audit.services import audit_record
from eolc.programmes import access, people
from eolc.programmes.presenters import ProgrammePresenter, dashboard_content


@login_required
@require_GET
def dashboard(request):
    return render(request, "programmes/dashboard.html", {"content": dashboard_content(request.user)})


@login_required
@require_GET
def programme_list(request):
    programmes = access.programmes_for(request.user).annotate(
        member_count=Count("memberships__person", distinct=True)
    )
    return render(request, "programmes/programme_list.html", {"programmes": programmes})


@login_required
@require_GET
def programme_detail(request, slug):
    programme = access.get_programme_or_404(request.user, slug)
    phases = programme.phases.prefetch_related("target_areas")
    links = programme.organisation_links.select_related("organisation")
    counts = programme.memberships.values("role").annotate(count=Count("id")).order_by("role")
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "presenter": ProgrammePresenter(programme, phases, links, counts),
            "can_manage": access.can_manage_programme(request.user, programme),
            "breadcrumbs": [{"text": "Programmes", "href": reverse("programmes:list")}],
        },
    )


@login_required
@require_GET
def people_list(request):
    if not access.can_manage_people(request.user):
        raise PermissionDenied("Only programme administrators can see the list of people.")
    # PostgreSQL refuses text containing NUL, and no name or email contains one.
    query = request.GET.get("q", "").replace("\x00", "").strip()
    found = access.with_erasable_flag(people.visible_to(request.user).search(query), request.user)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    audit_record(
        actor=request.user,
        action=Action.PERSONAL_DATA_VIEWED,
        detail={"list": "people", "searched": bool(query), "page": page.number},
        request=request,
    )
    return render(request, "programmes/people_list.html", {"page": page, "query": query})
