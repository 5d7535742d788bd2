"""Pages of the training pack: the library, role and faith guides, session plans and delivered sessions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.curriculum.pdf import pdf_response
from eolc.library import presenters, services
from eolc.library.forms import (
    DeliveredSessionForm,
    LibraryFilterForm,
    ResourceForm,
    SectionFormSet,
    SessionPlanForm,
    section_initial,
)
from eolc.library.models import ResourceKind, Status
from eolc.library.uploads import FileType
from eolc.programmes import access

PAGE_SIZE = 20


def _crumbs(*extra):
    return [{"text": "Library", "href": reverse("library:index")}, *extra]


def _trainer_crumbs(*extra):
    return [{"text": "Trainer pack", "href": reverse("library:trainer_pack")}, *extra]


def _require_trainer(user):
    if not access.is_trainer(user):
        raise PermissionDenied("The trainer pack is for programme trainers and administrators.")


# --- Resource library -------------------------------------------------------------------------


@login_required
@require_GET
def library_index(request):
    user = request.user
    form = LibraryFilterForm(request.GET or None, roles=access.care_roles_for(user))
    resources = form.apply(access.resources_for(user)).select_related("programme").distinct()
    page = Paginator(resources, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    htmx = request.headers.get("HX-Request") == "true"
    return render(
        request,
        "library/_results.html" if htmx else "library/index.html",
        {
            "form": form,
            "page": page,
            "rows": [{"resource": r, "tag": presenters.kind_tag(r)} for r in page.object_list],
            "query": query.urlencode(),
            "searching": form.is_bound,
            "can_add": access.can_add_resources(user),
        },
    )


def _resource_form(request, *, resource=None):
    user = request.user
    kwargs = {
        "programmes": access.library_programmes_for(user),
        "roles": access.care_roles_for(user),
        "site_wide_allowed": user.is_site_admin,
        "current_file_type": FileType.from_mime(resource.file_type) if resource and resource.file else None,
    }
    if request.method == "POST":
        return ResourceForm(request.POST, request.FILES, **kwargs)
    initial = ResourceForm.initial_for(resource) if resource else {"kind": request.GET.get("kind", "")}
    return ResourceForm(initial=initial, **kwargs)


def _save_kwargs(form):
    return {
        "data": form.resource_data(),
        "audiences": form.cleaned_data["audiences"],
        "domains": form.cleaned_data["domains"],
        "roles": form.cleaned_data["roles"],
        "upload": form.cleaned_data.get("upload"),
        "file_type": form.file_type,
    }


@login_required
@require_http_methods(["GET", "POST"])
def create_resource(request):
    if not access.can_add_resources(request.user):
        raise PermissionDenied("Only programme trainers and administrators can add resources.")
    form = _resource_form(request)
    if request.method == "POST" and form.is_valid():
        resource = services.resource_create(created_by=request.user, **_save_kwargs(form))
        messages.success(request, "The resource is saved as a draft. Publish it when it is ready.")
        return redirect("library:resource", resource.pk)
    return render(
        request,
        "library/resource_form.html",
        {"form": form, "heading": "Add a resource", "breadcrumbs": _crumbs()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_resource(request, pk):
    resource = access.get_managed_resource_or_404(request.user, pk)
    form = _resource_form(request, resource=resource)
    if request.method == "POST" and form.is_valid():
        was_published = resource.status == Status.PUBLISHED
        resource = services.resource_update(resource=resource, **_save_kwargs(form))
        if was_published and resource.status == Status.DRAFT:
            messages.warning(request, "Saved. It is back to draft: " + " ".join(resource.publish_problems()))
        else:
            messages.success(request, "Your changes are saved.")
        return redirect("library:resource", resource.pk)
    crumb = {"text": resource.title, "href": reverse("library:resource", args=[resource.pk])}
    return render(
        request,
        "library/resource_form.html",
        {"form": form, "resource": resource, "heading": "Change a resource", "breadcrumbs": _crumbs(crumb)},
    )


@login_required
@require_GET
def show_resource(request, pk):
    resource = access.get_resource_or_404(request.user, pk)
    can_manage = access.managed_resources(request.user).filter(pk=resource.pk).exists()
    return render(
        request,
        "library/resource.html",
        {
            "resource": resource,
            "tag": presenters.kind_tag(resource),
            "body": presenters.prose(resource.body),
            "transcript": presenters.prose(resource.transcript),
            "domains": resource.domains.all(),
            "roles": resource.roles.all(),
            "can_manage": can_manage,
            "problems": resource.publish_problems() if can_manage else [],
            "is_film": resource.kind == ResourceKind.FILM,
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
@require_POST
def publish_resource(request, pk):
    resource = access.get_managed_resource_or_404(request.user, pk)
    try:
        services.resource_publish(resource=resource)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(request, "The resource is published.")
    return redirect("library:resource", resource.pk)


@login_required
@require_POST
def unpublish_resource(request, pk):
    resource = access.get_managed_resource_or_404(request.user, pk)
    services.resource_unpublish(resource=resource)
    messages.success(request, "The resource is back to draft and hidden from the library.")
    return redirect("library:resource", resource.pk)


@login_required
@require_GET
def download_resource(request, pk):
    """The file, always as an attachment of the type its content showed, never rendered by the browser."""
    resource = access.get_resource_or_404(request.user, pk)
    if not resource.file:
        raise Http404("This resource has no file")
    try:
        handle = resource.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing") from None
    services.resource_download_record(resource=resource)
    response = FileResponse(
        handle, as_attachment=True, filename=resource.file_name or "resource", content_type=resource.file_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def visit_resource(request, pk):
    """Counts a visit to a link resource, then sends the person there."""
    resource = access.get_resource_or_404(request.user, pk)
    if not resource.url:
        raise Http404("This resource has no web address")
    services.resource_download_record(resource=resource)
    return redirect(resource.url)


@login_required
@require_GET
def film_captions(request, pk):
    resource = access.get_resource_or_404(request.user, pk)
    if resource.kind != ResourceKind.FILM or not resource.captions:
        raise Http404("This resource has no captions")
    response = HttpResponse(resource.captions, content_type="text/vtt; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="captions-{resource.pk}.vtt"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Understanding roles ----------------------------------------------------------------------


@login_required
@require_GET
def list_roles(request):
    roles = access.care_roles_for(request.user).prefetch_related("responsibilities")
    return render(
        request,
        "library/roles.html",
        {"roles": roles, "matrix": presenters.role_matrix(roles), "breadcrumbs": _crumbs()},
    )


@login_required
@require_GET
def show_role(request, slug):
    role = access.get_care_role_or_404(request.user, slug)
    crumb = {"text": "Understanding roles", "href": reverse("library:roles")}
    return render(
        request,
        "library/role.html",
        {
            "role": role,
            "sections": presenters.role_sections(role),
            "tasks": presenters.role_tasks(role),
            "resources": access.resources_for(request.user).published().for_role(role),
            "scenario_nodes": presenters.scenario_nodes_for(role),
            "others": access.care_roles_for(request.user).exclude(pk=role.pk),
            "breadcrumbs": _crumbs(crumb),
        },
    )


# --- Faith and culture perspectives -----------------------------------------------------------


@login_required
@require_GET
def list_faith_guides(request):
    return render(
        request,
        "library/faith_guides.html",
        {"guides": access.faith_guides_for(request.user), "breadcrumbs": _crumbs()},
    )


@login_required
@require_GET
def show_faith_guide(request, slug):
    guide = access.get_faith_guide_or_404(request.user, slug)
    crumb = {"text": "Faith and culture", "href": reverse("library:faith_guides")}
    return render(
        request,
        "library/faith_guide.html",
        {
            "guide": guide,
            "introduction": presenters.prose(guide.introduction),
            "sections": presenters.faith_sections(guide),
            "breadcrumbs": _crumbs(crumb),
        },
    )


# --- Trainer pack -----------------------------------------------------------------------------


@login_required
@require_GET
def trainer_pack(request):
    user = request.user
    _require_trainer(user)
    mine = access.delivered_sessions_for(user).by_trainer(user)
    return render(
        request,
        "library/trainer_pack.html",
        {
            "plans": access.session_plans_for(user).select_related("programme").prefetch_related("sections"),
            "delivered": mine.select_related("programme", "area")[:10],
            "delivered_total": mine.total_attendees(),
            "pack": access.resources_for(user).published().for_audience("trainer")[:12],
        },
    )


def _plan_forms(request, plan=None):
    user = request.user
    programmes = access.library_programmes_for(user)
    resources = access.resources_for(user).published()
    key_messages = access.plan_key_messages_for(user)
    if request.method == "POST":
        form = SessionPlanForm(request.POST, programmes=programmes, key_messages=key_messages)
        minutes = form.cleaned_data["minutes"] if form.is_valid() else None
        formset = SectionFormSet(
            request.POST, prefix="sections", resources=resources, session_minutes=minutes
        )
        return form, formset
    if plan is None:
        return (
            SessionPlanForm(programmes=programmes, key_messages=key_messages),
            SectionFormSet(prefix="sections", resources=resources),
        )
    initial = {name: getattr(plan, name) for name in ("title", "programme", "minutes", "aim", "key_messages")}
    initial["linked_key_messages"] = list(plan.linked_key_messages.all())
    return (
        SessionPlanForm(initial=initial, programmes=programmes, key_messages=key_messages),
        SectionFormSet(prefix="sections", resources=resources, initial=section_initial(plan)),
    )


def _build_plan(request, plan=None):
    form, formset = _plan_forms(request, plan)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        saved = services.session_plan_save(
            plan=plan, created_by=request.user, data=form.cleaned_data, sections=formset.sections()
        )
        messages.success(request, "The session plan is saved.")
        return redirect("library:plan", saved.pk)
    crumbs = _trainer_crumbs()
    if plan is not None:
        crumbs.append({"text": plan.title, "href": reverse("library:plan", args=[plan.pk])})
    return render(
        request,
        "library/plan_form.html",
        {"form": form, "formset": formset, "plan": plan, "breadcrumbs": crumbs},
    )


@login_required
@require_http_methods(["GET", "POST"])
def create_plan(request):
    _require_trainer(request.user)
    return _build_plan(request)


@login_required
@require_http_methods(["GET", "POST"])
def edit_plan(request, pk):
    return _build_plan(request, access.get_session_plan_or_404(request.user, pk))


def _plan_context(plan):
    timeline = presenters.plan_timeline(plan)
    for row in timeline:
        row["from"], row["to"] = presenters.clock(row["start"]), presenters.clock(row["end"])
    return {
        "plan": plan,
        "timeline": timeline,
        "aim": presenters.prose(plan.aim),
        "linked_messages": plan.linked_key_messages.published().in_order(),
    }


@login_required
@require_GET
def show_plan(request, pk):
    plan = access.get_session_plan_or_404(request.user, pk)
    return render(request, "library/plan.html", {**_plan_context(plan), "breadcrumbs": _trainer_crumbs()})


@login_required
@require_GET
def plan_pdf(request, pk):
    plan = access.get_session_plan_or_404(request.user, pk)
    return pdf_response(request, "library/plan_pdf.html", _plan_context(plan), f"session-plan-{plan.pk}.pdf")


@login_required
@require_http_methods(["GET", "POST"])
def record_delivered_session(request):
    user = request.user
    _require_trainer(user)
    form = DeliveredSessionForm(
        request.POST or None,
        programmes=access.library_programmes_for(user),
        plans=access.session_plans_for(user),
        initial={"plan": request.GET.get("plan") or None},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.delivered_session_record(
            trainer=user,
            programme=data["programme"],
            delivered_on=data["delivered_on"],
            area=data["area"],
            plan=data["plan"],
            venue=data["venue"],
            attendees=form.attendees(),
        )
        messages.success(
            request, "The session is recorded. Thank you: it now counts in the programme's reports."
        )
        return redirect("library:delivered")
    return render(
        request,
        "library/delivered_form.html",
        {"form": form, "breadcrumbs": _trainer_crumbs()},
    )


@login_required
@require_GET
def list_delivered_sessions(request):
    user = request.user
    sessions = access.delivered_sessions_for(user)
    if not access.is_trainer(user) and not access.delivery_report_programmes_for(user).exists():
        raise PermissionDenied(
            "Delivered sessions are for trainers, programme administrators and commissioners."
        )
    return render(
        request,
        "library/delivered.html",
        {
            "sessions": sessions.select_related("programme", "area", "trainer", "plan"),
            "sectors": presenters.sector_rows(sessions.totals_by_sector()),
            "total": sessions.total_attendees(),
            "breadcrumbs": _trainer_crumbs() if access.is_trainer(user) else [],
        },
    )


@login_required
@require_POST
def delete_delivered_session(request, pk):
    session = access.get_own_delivered_session_or_404(request.user, pk)
    services.delivered_session_delete(session=session)
    messages.success(request, "The record is deleted.")
    return redirect("library:delivered")
