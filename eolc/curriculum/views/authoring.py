"""Authoring for programme administrators: parts, modules, activities, questions, order, publishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.curriculum import services
from eolc.curriculum.forms import (
    ActivityForm,
    CompletionRecordForm,
    ModuleForm,
    PartCreditForm,
    PartForm,
    QuestionForm,
)
from eolc.curriculum.models import ActivityKind, CompletionSource, PartKind
from eolc.programmes import access


def _manage_crumbs(programme, *items):
    return [
        {"text": "Learning", "href": reverse("curriculum:catalogue")},
        {"text": f"Manage {programme.title}", "href": reverse("curriculum:manage", args=[programme.slug])},
        *items,
    ]


def _part_crumb(part):
    return {"text": part.title, "href": reverse("curriculum:part_edit", args=[part.pk])}


def _module_crumb(module):
    return {"text": module.title, "href": reverse("curriculum:module_edit", args=[module.pk])}


@login_required
@require_GET
def manage_programme(request, slug):
    programme = access.get_managed_programme_or_404(request.user, slug)
    parts = access.parts_for(request.user).filter(programme=programme).prefetch_related("modules", "requires")
    return render(
        request,
        "curriculum/manage/programme.html",
        {"programme": programme, "parts": parts, "breadcrumbs": _manage_crumbs(programme)[:1]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def part_create(request, slug):
    programme = access.get_managed_programme_or_404(request.user, slug)
    form = PartForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        part = services.part_create(
            programme=programme,
            title=data["title"],
            kind=data["kind"],
            ce_hours=data["ce_hours"],
            requires=data["requires"],
            summary=data["summary"],
            required_meetings=data["required_meetings"],
            accrediting_body=data["accrediting_body"],
            approval_number=data["approval_number"],
        )
        messages.success(request, f"“{part.title}” is created as a draft.")
        return redirect("curriculum:part_edit", pk=part.pk)
    return render(
        request,
        "curriculum/manage/form.html",
        {"form": form, "heading": "Add a part", "breadcrumbs": _manage_crumbs(programme)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def part_edit(request, pk):
    part = access.get_managed_part_or_404(request.user, pk)
    form = PartForm(request.POST or None, instance=part, programme=part.programme)
    credit_form = PartCreditForm()
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                requires = form.cleaned_data["requires"]
                services.part_requires_set(part=part, requires=requires)
                form.save(commit=False).save()
        except ValidationError as invalid:
            for field, errors in invalid.message_dict.items():
                form.add_error(field, errors)
        else:
            messages.success(request, "The part is saved.")
            return redirect("curriculum:part_edit", pk=part.pk)
    modules = access.modules_for(request.user).filter(part=part)
    return render(
        request,
        "curriculum/manage/part.html",
        {
            "part": part,
            "form": form,
            "credit_form": credit_form,
            "credits": part.credits.select_related("scheme"),
            "modules": modules,
            "completions": part.completions.select_related("person", "certificate").order_by("-completed_on")[
                :200
            ],
            "self_paced": part.kind == PartKind.SELF_PACED,
            "breadcrumbs": _manage_crumbs(part.programme),
        },
    )


@login_required
@require_POST
def part_credit_add(request, pk):
    part = access.get_managed_part_or_404(request.user, pk)
    form = PartCreditForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        part.credits.update_or_create(
            scheme=data["scheme"], category=data["category"].strip(), defaults={"hours": data["hours"]}
        )
        messages.success(request, "The credit line is saved.")
        return redirect("curriculum:part_edit", pk=part.pk)
    return render(
        request,
        "curriculum/manage/form.html",
        {
            "form": form,
            "heading": f"Add credit to {part.title}",
            "action": reverse("curriculum:part_credit_add", args=[part.pk]),
            "breadcrumbs": _manage_crumbs(part.programme, _part_crumb(part)),
        },
    )


@login_required
@require_POST
def part_credit_remove(request, pk, credit_pk):
    part = access.get_managed_part_or_404(request.user, pk)
    deleted, _ = part.credits.filter(pk=credit_pk).delete()
    if not deleted:
        raise Http404("No such credit line")
    messages.success(request, "The credit line is removed.")
    return redirect("curriculum:part_edit", pk=part.pk)


@login_required
@require_http_methods(["GET", "POST"])
def completion_record(request, pk):
    part = access.get_managed_part_or_404(request.user, pk)
    form = CompletionRecordForm(request.POST or None, programme=part.programme)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        services.part_complete(
            person=person,
            part=part,
            on=form.cleaned_data["completed_on"],
            source=CompletionSource.IMPORTED,
            recorded_by=request.user,
        )
        messages.success(request, f"The completion is recorded for {person.full_name or person.email}.")
        return redirect("curriculum:part_edit", pk=part.pk)
    return render(
        request,
        "curriculum/manage/form.html",
        {
            "form": form,
            "heading": f"Record a completion of {part.title}",
            "breadcrumbs": _manage_crumbs(part.programme, _part_crumb(part)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def module_create(request, pk):
    part = access.get_managed_part_or_404(request.user, pk)
    form = ModuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        module = services.module_create(
            part=part, title=data["title"], summary=data["summary"], domains=data["domains"]
        )
        messages.success(request, f"“{module.title}” is created as a draft.")
        return redirect("curriculum:module_edit", pk=module.pk)
    return render(
        request,
        "curriculum/manage/form.html",
        {
            "form": form,
            "heading": f"Add a module to {part.title}",
            "breadcrumbs": _manage_crumbs(part.programme, _part_crumb(part)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def module_edit(request, pk):
    module = access.get_managed_module_or_404(request.user, pk)
    form = ModuleForm(request.POST or None, instance=module)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The module is saved.")
        return redirect("curriculum:module_edit", pk=module.pk)
    activities = access.activities_for(request.user).filter(module=module)
    return render(
        request,
        "curriculum/manage/module.html",
        {
            "module": module,
            "form": form,
            "activities": [
                {
                    "activity": a,
                    "kind": ActivityKind(a.kind).label,
                    "problems": services.activity_publish_problems(a),
                }
                for a in activities
            ],
            "breadcrumbs": _manage_crumbs(module.part.programme, _part_crumb(module.part)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request, pk):
    module = access.get_managed_module_or_404(request.user, pk)
    form = ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            activity = services.activity_create(
                module=module, title=data.pop("title"), kind=data.pop("kind"), **data
            )
        except ValidationError as invalid:
            for field, errors in invalid.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, f"“{activity.title}” is created as a draft.")
            return redirect("curriculum:activity_edit", pk=activity.pk)
    return render(
        request,
        "curriculum/manage/form.html",
        {
            "form": form,
            "heading": f"Add an activity to {module.title}",
            "breadcrumbs": _manage_crumbs(
                module.part.programme, _part_crumb(module.part), _module_crumb(module)
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = access.get_managed_activity_or_404(request.user, pk)
    module = activity.module
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The activity is saved.")
        return redirect("curriculum:activity_edit", pk=activity.pk)
    return render(
        request,
        "curriculum/manage/activity.html",
        {
            "activity": activity,
            "form": form,
            "questions": activity.questions.prefetch_related("choices") if activity.has_questions else None,
            "question_form": QuestionForm() if activity.has_questions else None,
            "problems": services.activity_publish_problems(activity),
            "preview_href": reverse("curriculum:activity", args=[activity.pk]),
            "breadcrumbs": _manage_crumbs(
                module.part.programme, _part_crumb(module.part), _module_crumb(module)
            ),
        },
    )


@login_required
@require_POST
def question_add(request, pk):
    activity = access.get_managed_activity_or_404(request.user, pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.question_create(
                activity=activity, prompt=form.cleaned_data["prompt"], choices=form.choices()
            )
        except ValidationError as invalid:
            form.add_error(None, invalid.messages[0])
        else:
            messages.success(request, "The question is added.")
            return redirect("curriculum:activity_edit", pk=activity.pk)
    module = activity.module
    return render(
        request,
        "curriculum/manage/form.html",
        {
            "form": form,
            "heading": f"Add a question to {activity.title}",
            "action": reverse("curriculum:question_add", args=[activity.pk]),
            "breadcrumbs": _manage_crumbs(
                module.part.programme, _part_crumb(module.part), _module_crumb(module)
            ),
        },
    )


# --- Publishing and order ----------------------------------------------------------------------

_LOADERS = {
    "part": access.get_managed_part_or_404,
    "module": access.get_managed_module_or_404,
    "activity": access.get_managed_activity_or_404,
}
_PUBLISHERS = {
    "part": lambda item: services.part_publish(part=item),
    "module": lambda item: services.module_publish(module=item),
    "activity": lambda item: services.activity_publish(activity=item),
}


def _back(kind, item):
    return reverse(f"curriculum:{kind}_edit", args=[item.pk])


def _load(request, kind, pk):
    if kind not in _LOADERS:
        raise Http404("No such kind of item")
    return _LOADERS[kind](request.user, pk)


@login_required
@require_POST
def publish(request, kind, pk):
    item = _load(request, kind, pk)
    try:
        _PUBLISHERS[kind](item)
    except ValidationError as invalid:
        messages.error(request, f"“{item}” cannot be published yet: " + "; ".join(invalid.messages) + ".")
    else:
        messages.success(request, f"“{item}” is published.")
    return redirect(_back(kind, item))


@login_required
@require_POST
def unpublish(request, kind, pk):
    item = _load(request, kind, pk)
    services.unpublish(item=item)
    messages.success(request, f"“{item}” is back in draft and hidden from learners.")
    return redirect(_back(kind, item))


@login_required
@require_POST
def move(request, kind, pk):
    item = _load(request, kind, pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, "Choose whether to move it up or down.")
    else:
        services.reorder(item=item, direction=direction)
    parent = {
        "part": reverse("curriculum:manage", args=[item.programme.slug]) if kind == "part" else None,
        "module": reverse("curriculum:part_edit", args=[item.part_id]) if kind == "module" else None,
        "activity": reverse("curriculum:module_edit", args=[item.module_id]) if kind == "activity" else None,
    }[kind]
    return redirect(parent)
