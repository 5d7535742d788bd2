"""Learner pages: the catalogue, parts, modules and activities."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.curriculum import presenters, services
from eolc.curriculum.catalogue import catalogue_content
from eolc.curriculum.forms import PostTestForm, ReflectionAnswerForm, ReflectionForm
from eolc.curriculum.models import ActivityKind
from eolc.curriculum.progress import (
    completion_for,
    done_activity_ids,
    is_enrolled,
    progress_for,
)
from eolc.programmes import access

# Reflective answers typed into a page whose session had ended, kept until the person signs in.
PENDING_KEY = "curriculum_pending_answers"
PENDING_LIMIT = 5


def _crumbs(*items):
    return [{"text": "Learning", "href": reverse("curriculum:catalogue")}, *items]


def _part_crumb(part):
    return {"text": part.title, "href": reverse("curriculum:part", args=[part.pk])}


def _module_crumb(module):
    return {"text": module.title, "href": reverse("curriculum:module", args=[module.pk])}


def _locked(request, part, missing):
    """The refusal page for a part whose prerequisites are not met: names and links them."""
    return render(
        request,
        "curriculum/locked.html",
        {"part": part, "missing": presenters.missing_links(missing), "breadcrumbs": _crumbs()},
        status=403,
    )


def _completed_message(request, completion):
    if completion is None:
        return
    messages.success(
        request,
        f"You have completed “{completion.part.title}” and earned {completion.ce_hours} CE hours. "
        "Your certificate is ready on the part page.",
    )


@login_required
@require_GET
def catalogue(request):
    return render(request, "curriculum/catalogue.html", {"content": catalogue_content(request.user)})


@login_required
@require_GET
def part_detail(request, pk):
    part = access.get_part_or_404(request.user, pk)
    person = request.user
    missing = services.prerequisites_missing(person=person, part=part)
    modules = list(access.modules_for(person).filter(part=part).prefetch_related("domains"))
    progress = progress_for(person, [part])
    completion = completion_for(person, part)
    enrolled = is_enrolled(person, part)
    return render(
        request,
        "curriculum/part.html",
        {
            "part": part,
            "missing": presenters.missing_links(missing),
            "enrolled": enrolled,
            "completion": completion,
            "credits": presenters.credit_rows(part.credits.select_related("scheme")),
            "modules": [
                {
                    "module": m,
                    "tag": presenters.tally_tag(progress.modules.get(m.pk)),
                    "tally": progress.modules.get(m.pk),
                }
                for m in modules
            ],
            "tally": progress.parts.get(part.pk),
            "self_paced": part.kind == "self_paced",
            "can_manage": access.can_manage_part(person, part),
            "reflection_form": ReflectionForm() if completion else None,
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
@require_POST
def part_enrol(request, pk):
    part = access.get_part_or_404(request.user, pk)
    try:
        services.enrolment_create(person=request.user, part=part)
    except services.PrerequisitesMissing as refused:
        return _locked(request, part, refused.missing)
    messages.success(request, f"You are enrolled on “{part.title}”.")
    return redirect("curriculum:part", pk=part.pk)


def _learner_gate(request, part):
    """None when the person may work on `part`'s content, else the response to send instead.

    Administrators of the programme may preview anything without enrolling."""
    if access.can_manage_part(request.user, part):
        return None
    missing = services.prerequisites_missing(person=request.user, part=part)
    if missing:
        return _locked(request, part, missing)
    if not is_enrolled(request.user, part):
        messages.info(request, f"Enrol on “{part.title}” to start its modules.")
        return redirect("curriculum:part", pk=part.pk)
    return None


@login_required
@require_GET
def module_detail(request, pk):
    module = access.get_module_or_404(request.user, pk)
    part = module.part
    refusal = _learner_gate(request, part)
    if refusal:
        return refusal
    activities = list(access.activities_for(request.user).filter(module=module).prefetch_related("domains"))
    done = done_activity_ids(request.user, activities)
    tally = progress_for(request.user, [part]).modules.get(module.pk)
    return render(
        request,
        "curriculum/module.html",
        {
            "module": module,
            "part": part,
            "rows": presenters.activity_rows(activities, done),
            "tally": tally,
            "tag": presenters.tally_tag(tally),
            "preview": module.status != "published",
            "breadcrumbs": _crumbs(_part_crumb(part)),
        },
    )


def _keep_answer_when_signed_out(view):
    """A reflective answer posted after the session ended is kept in the new session and
    restored once the person signs in again, instead of being lost with the request."""

    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, pk, *args, **kwargs)
        if request.method == "POST" and "answer" in request.POST:
            pending = dict(request.session.get(PENDING_KEY, {}))
            pending[str(pk)] = request.POST["answer"][: services.REFLECTION_MAX_LENGTH]
            request.session[PENDING_KEY] = dict(list(pending.items())[-PENDING_LIMIT:])
            messages.info(
                request, "Your session had ended. Sign in again and your answer will be waiting for you."
            )
            return redirect_to_login(reverse("curriculum:activity", args=[pk]))
        return redirect_to_login(request.get_full_path())

    return wrapper


def _ordered_activities(user, part):
    return list(
        access.activities_for(user)
        .filter(module__part=part)
        .select_related("module")
        .order_by("module__number", "module__pk", "number", "pk")
    )


@_keep_answer_when_signed_out
@require_http_methods(["GET", "POST"])
def activity_detail(request, pk):
    activity = access.get_activity_or_404(request.user, pk)
    module, part = activity.module, activity.module.part
    refusal = _learner_gate(request, part)
    if refusal:
        return refusal
    preview = access.can_manage_part(request.user, part) and not (is_enrolled(request.user, part))
    context = {
        "activity": activity,
        "module": module,
        "part": part,
        "preview": preview,
        "kind": activity.kind,
        "breadcrumbs": _crumbs(_part_crumb(part), _module_crumb(module)),
    }
    warned = request.GET.get("warning") == "continue" or request.method == "POST"
    if activity.content_warning and not warned:
        return render(request, "curriculum/content_warning.html", context)

    ordered = _ordered_activities(request.user, part)
    previous, following = presenters.neighbours(activity, ordered)
    context.update(previous=previous, following=following)
    progress = None
    if not preview:
        progress = services.activity_open(person=request.user, activity=activity)
    context["done"] = bool(progress and progress.status == "done")

    handler = {
        ActivityKind.VIDEO: _simple,
        ActivityKind.RESOURCE: _simple,
        ActivityKind.REFLECTION: _reflection,
        ActivityKind.EXERCISE: _exercise,
        ActivityKind.POST_TEST: _post_test,
    }[activity.kind]
    return handler(request, activity, progress, context)


def _next_url(context):
    following = context.get("following")
    if following:
        return reverse("curriculum:activity", args=[following.pk])
    return reverse("curriculum:part", args=[context["part"].pk])


def _simple(request, activity, progress, context):
    if request.method == "POST" and not context["preview"]:
        completion = services.activity_done(person=request.user, activity=activity)
        _completed_message(request, completion)
        return redirect(_next_url(context))
    if activity.kind == ActivityKind.VIDEO:
        context["captions_href"] = presenters.captions_href(activity)
    return render(request, "curriculum/activity.html", context)


def _reflection(request, activity, progress, context):
    pending = request.session.get(PENDING_KEY, {})
    if str(activity.pk) in pending and progress is not None:
        text = pending.pop(str(activity.pk))
        request.session[PENDING_KEY] = pending
        services.reflection_draft_save(person=request.user, activity=activity, text=text)
        progress.draft = text
    if request.method == "POST" and not context["preview"]:
        form = ReflectionAnswerForm(request.POST)
        text = request.POST.get("answer", "")
        if request.POST.get("action") == "save_draft":
            services.reflection_draft_save(person=request.user, activity=activity, text=text)
            messages.success(request, "Your draft is saved. You can come back to it at any time.")
            return redirect("curriculum:activity", pk=activity.pk)
        if form.is_valid():
            try:
                completion = services.reflection_answer_submit(
                    person=request.user, activity=activity, text=text
                )
            except ValidationError as invalid:
                for message in invalid.messages:
                    form.add_error("answer", message)
            else:
                _completed_message(request, completion)
                messages.success(request, "Your answer is saved.")
                return redirect(_next_url(context))
        else:
            services.reflection_draft_save(person=request.user, activity=activity, text=text)
        context["form"] = form.autosave_to(reverse("curriculum:draft", args=[activity.pk]))
        return render(request, "curriculum/activity.html", context)
    initial = ""
    if progress is not None:
        initial = progress.draft or progress.answer
    form = ReflectionAnswerForm(initial={"answer": initial})
    context["form"] = form.autosave_to(reverse("curriculum:draft", args=[activity.pk]))
    return render(request, "curriculum/activity.html", context)


def _exercise(request, activity, progress, context):
    questions = list(activity.questions.prefetch_related("choices"))
    if not questions:
        return render(request, "curriculum/activity.html", context)
    by_id = {q.pk: q for q in questions}
    asked = request.POST.get("question") or request.GET.get("question")
    question = by_id.get(int(asked)) if asked and asked.isdigit() else None
    question = question or questions[0]
    context.update(question=question, choices=list(question.choices.all()))
    if request.method == "POST":
        picked_id = request.POST.get("choice", "")
        picked = next((c for c in context["choices"] if str(c.pk) == picked_id), None)
        if picked is None:
            context["choice_error"] = "Choose one of the answers"
            return render(request, "curriculum/activity.html", context)
        if context["preview"]:
            next_question = services.exercise_next_question(activity, picked)
        else:
            already = completion_for(request.user, activity.module.part)
            next_question = services.exercise_choice_pick(
                person=request.user, activity=activity, choice=picked
            )
            if already is None:
                _completed_message(request, completion_for(request.user, activity.module.part))
        context.update(picked=picked, next_question=next_question, finished=next_question is None)
        if next_question is None:
            context["next_url"] = _next_url(context)
    return render(request, "curriculum/activity.html", context)


def _post_test(request, activity, progress, context):
    form = PostTestForm(request.POST or None, activity=activity)
    context.update(form=form, progress=progress)
    if request.method == "POST" and not context["preview"] and form.is_valid():
        try:
            result = services.post_test_submit(person=request.user, activity=activity, answers=form.answers())
        except ValidationError as invalid:
            for field, errors in invalid.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            if result.passed:
                _completed_message(request, completion_for(request.user, activity.module.part))
                messages.success(request, f"You passed with {result.score}%.")
                return redirect(_next_url(context))
            context["failed_score"] = result.last_score
            context["form"] = PostTestForm(activity=activity)
    return render(request, "curriculum/activity.html", context)


@require_POST
def reflection_draft(request, pk):
    """Autosave from the reflective question page (htmx). Answers with a short status line."""
    if not request.user.is_authenticated:
        if "answer" in request.POST:
            pending = dict(request.session.get(PENDING_KEY, {}))
            pending[str(pk)] = request.POST["answer"][: services.REFLECTION_MAX_LENGTH]
            request.session[PENDING_KEY] = dict(list(pending.items())[-PENDING_LIMIT:])
        return HttpResponse(
            "You have been signed out. Your answer is still on this page: sign in again and send it, "
            "and nothing you typed will be lost.",
            status=401,
            content_type="text/plain; charset=utf-8",
        )
    activity = access.get_activity_or_404(request.user, pk)
    if activity.kind != ActivityKind.REFLECTION:
        return HttpResponse("Only reflective questions have drafts.", status=400, content_type="text/plain")
    if access.can_manage_part(request.user, activity.module.part) and not (
        is_enrolled(request.user, activity.module.part)
    ):
        return HttpResponse("Preview: drafts are not saved.", content_type="text/plain; charset=utf-8")
    try:
        services.reflection_draft_save(
            person=request.user, activity=activity, text=request.POST.get("answer", "")
        )
    except services.NotEnrolled as refused:
        return HttpResponse(str(refused), status=403, content_type="text/plain; charset=utf-8")
    return render(request, "curriculum/draft_saved.html")


@login_required
@require_GET
def activity_captions(request, pk):
    activity = access.get_activity_or_404(request.user, pk)
    return HttpResponse(activity.captions, content_type="text/vtt; charset=utf-8")


@login_required
@require_http_methods(["GET", "POST"])
def reflection_add(request, pk):
    """A reflection on a completed part (or one of its activities), kept as CPD evidence."""
    part = access.get_part_or_404(request.user, pk)
    form = ReflectionForm(request.POST or None)
    activity = None
    activity_id = request.POST.get("activity", "") or request.GET.get("activity", "")
    if activity_id.isdigit():
        activity = access.get_activity_or_404(request.user, int(activity_id))
    if request.method == "POST" and form.is_valid():
        try:
            services.reflection_add(
                person=request.user, part=part, activity=activity, text=form.cleaned_data["text"]
            )
        except ValidationError as invalid:
            for message in invalid.messages:
                form.add_error("text", message)
        else:
            messages.success(
                request, "Your reflection is saved. Export your reflections from your transcript."
            )
            if activity is not None:
                return redirect("curriculum:activity", pk=activity.pk)
            return redirect("curriculum:part", pk=part.pk)
    return render(
        request,
        "curriculum/reflection_form.html",
        {"form": form, "part": part, "activity": activity, "breadcrumbs": _crumbs(_part_crumb(part))},
    )
