"""Pages for answering surveys, building and sending them, and reading results without names."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.evaluation import analytics, services
from eolc.evaluation.forms import AnswerForm, QuestionForm, ScheduleForm, SurveyForm
from eolc.evaluation.presenters import (
    RESULT_COLUMNS,
    answer_rows,
    invitation_rows,
    paired_changes,
    question_results,
    result_rows,
)
from eolc.lib.csv_export import csv_response
from eolc.programmes import access


def _crumbs(*extra):
    return [{"text": "Surveys", "href": reverse("evaluation:mine")}, *extra]


def _programme_crumbs(programme):
    return _crumbs({"text": programme.title, "href": reverse("evaluation:programme", args=[programme.slug])})


# --- Answering --------------------------------------------------------------------------------


@login_required
@require_GET
def my_surveys(request):
    invitations = (
        access.own_invitations(request.user)
        .with_draft()
        .select_related("survey", "event")
        .order_by("-sent_at")
    )
    rows = invitation_rows(invitations)
    return render(
        request,
        "evaluation/my_surveys.html",
        {
            "to_do": [row for row in rows if not row.invitation.responded_at],
            "done": [row for row in rows if row.invitation.responded_at],
            "programmes": access.survey_results_programmes_for(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def answer_survey(request, pk):
    invitation = access.get_own_invitation_or_404(request.user, pk)
    survey = invitation.survey
    response = services.response_for(invitation=invitation)
    context = {"invitation": invitation, "survey": survey, "breadcrumbs": _crumbs()}
    if invitation.responded_at:
        rows = answer_rows(survey, response) if response and response.person_id else None
        return render(request, "evaluation/answered.html", {**context, "rows": rows})
    submitting = request.POST.get("action") == "submit"
    form = AnswerForm(
        request.POST or None, survey=survey, submitting=submitting, initial=AnswerForm.initial_from(response)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.response_save(invitation=invitation, answers=form.answers(), submit=submitting)
        except services.AlreadyAnswered as refused:
            messages.info(request, str(refused))
            return redirect("evaluation:answer", invitation.pk)
        if submitting:
            messages.success(request, "Thank you. Your answers have been sent.")
            return redirect("evaluation:mine")
        messages.success(request, "Your answers are saved. Come back to this page to finish.")
        return redirect("evaluation:answer", invitation.pk)
    return render(
        request, "evaluation/answer.html", {**context, "form": form, "is_draft": response is not None}
    )


# --- Building ---------------------------------------------------------------------------------


@login_required
@require_GET
def programme_surveys(request, slug):
    programme = access.get_survey_programme_or_404(request.user, slug)
    surveys = programme.surveys.filter(is_template=False).prefetch_related("schedules")
    return render(
        request,
        "evaluation/programme_surveys.html",
        {
            "programme": programme,
            "surveys": surveys,
            "templates": access.survey_templates().prefetch_related("questions"),
            "can_build": access.can_build_surveys(request.user, programme),
            "breadcrumbs": _crumbs(),
        },
    )


def _require_builder(user, programme):
    if not access.can_build_surveys(user, programme):
        raise PermissionDenied("Only programme administrators and facilitators can build surveys.")


@login_required
@require_http_methods(["GET", "POST"])
def create_survey(request, slug):
    programme = access.get_survey_programme_or_404(request.user, slug)
    _require_builder(request.user, programme)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey = services.survey_create(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, "Survey created. Now add its questions.")
        return redirect("evaluation:edit", survey.pk)
    return render(
        request,
        "evaluation/survey_form.html",
        {"form": form, "programme": programme, "breadcrumbs": _programme_crumbs(programme)},
    )


@login_required
@require_POST
def use_template(request, slug, pk):
    programme = access.get_survey_programme_or_404(request.user, slug)
    _require_builder(request.user, programme)
    template = access.survey_templates().filter(pk=pk).first()
    if template is None:
        raise PermissionDenied("That is not a survey template.")
    survey = services.survey_copy(survey=template, programme=programme, by=request.user)
    messages.success(request, f"“{survey.title}” is ready to change and send.")
    return redirect("evaluation:edit", survey.pk)


@login_required
@require_POST
def copy_survey(request, pk):
    survey = access.get_built_survey_or_404(request.user, pk)
    copy = services.survey_copy(
        survey=survey, programme=survey.programme, by=request.user, title=f"{survey.title} (new version)"
    )
    messages.success(request, "A new version is ready to change. The original keeps its answers.")
    return redirect("evaluation:edit", copy.pk)


def _schedule_form(user, survey, data=None):
    programme = survey.programme
    events = access.managed_events(user).filter(programme=programme).exclude(status="cancelled")
    parts = access.parts_for(user).filter(programme=programme)
    events = events.order_by("-starts_at")
    return ScheduleForm(data, events=events, parts=parts, initial={"timing": "after", "days": 0})


def _builder(request, survey, *, survey_form=None, question_form=None, schedule_form=None):
    locked = services.is_locked(survey)
    return render(
        request,
        "evaluation/builder.html",
        {
            "survey": survey,
            "questions": survey.questions.order_by("position"),
            "schedules": survey.schedules.select_related("event", "part"),
            "locked": locked,
            "survey_form": survey_form or SurveyForm(instance=survey, prefix="survey"),
            "question_form": None if locked else (question_form or QuestionForm(prefix="question")),
            "schedule_form": schedule_form or _schedule_form(request.user, survey),
            "breadcrumbs": _programme_crumbs(survey.programme),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_survey(request, pk):
    survey = access.get_built_survey_or_404(request.user, pk)
    if request.method == "GET":
        return _builder(request, survey)
    form = SurveyForm(request.POST, instance=survey, prefix="survey")
    if form.is_valid():
        try:
            services.survey_update(survey=survey, **form.cleaned_data)
        except services.SurveyLocked as locked:
            form.add_error("anonymous", str(locked))
        else:
            messages.success(request, "Survey details saved.")
            return redirect("evaluation:edit", survey.pk)
    survey.refresh_from_db()
    return _builder(request, survey, survey_form=form)


@login_required
@require_POST
def add_question(request, pk):
    survey = access.get_built_survey_or_404(request.user, pk)
    form = QuestionForm(request.POST, prefix="question")
    if form.is_valid():
        try:
            services.question_add(survey=survey, **form.cleaned_data)
        except services.SurveyLocked as locked:
            messages.error(request, str(locked))
        else:
            messages.success(request, "Question added.")
        return redirect(reverse("evaluation:edit", args=[survey.pk]) + "#questions")
    return _builder(request, survey, question_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def edit_question(request, pk):
    question = access.get_built_question_or_404(request.user, pk)
    survey = question.survey
    form = QuestionForm(request.POST or None, initial=QuestionForm.initial_for(question))
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(question=question, **form.cleaned_data)
        except services.SurveyLocked as locked:
            messages.error(request, str(locked))
        else:
            messages.success(request, "Question saved.")
        return redirect(reverse("evaluation:edit", args=[survey.pk]) + "#questions")
    return render(
        request,
        "evaluation/question_form.html",
        {
            "form": form,
            "question": question,
            "survey": survey,
            "breadcrumbs": [
                *_programme_crumbs(survey.programme),
                {"text": survey.title, "href": reverse("evaluation:edit", args=[survey.pk])},
            ],
        },
    )


@login_required
@require_POST
def delete_question(request, pk):
    question = access.get_built_question_or_404(request.user, pk)
    try:
        services.question_delete(question=question)
    except services.SurveyLocked as locked:
        messages.error(request, str(locked))
    else:
        messages.success(request, "Question removed.")
    return redirect(reverse("evaluation:edit", args=[question.survey_id]) + "#questions")


@login_required
@require_POST
def move_question(request, pk):
    question = access.get_built_question_or_404(request.user, pk)
    try:
        services.question_move(question=question, up=request.POST.get("direction") == "up")
    except services.SurveyLocked as locked:
        messages.error(request, str(locked))
    return redirect(reverse("evaluation:edit", args=[question.survey_id]) + "#questions")


@login_required
@require_POST
def add_schedule(request, pk):
    survey = access.get_built_survey_or_404(request.user, pk)
    form = _schedule_form(request.user, survey, request.POST)
    if form.is_valid():
        try:
            services.schedule_add(survey=survey, **form.cleaned_data)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(
                request, "Sending is set up. Invitations will go out by themselves when they are due."
            )
            return redirect(reverse("evaluation:edit", args=[survey.pk]) + "#sending")
    return _builder(request, survey, schedule_form=form)


@login_required
@require_POST
def delete_schedule(request, pk):
    schedule = access.get_built_schedule_or_404(request.user, pk)
    try:
        services.schedule_delete(schedule=schedule)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, "That schedule is removed.")
    return redirect(reverse("evaluation:edit", args=[schedule.survey_id]) + "#sending")


@login_required
@require_GET
def preview_survey(request, pk):
    survey = access.get_built_survey_or_404(request.user, pk)
    return render(
        request,
        "evaluation/preview.html",
        {
            "survey": survey,
            "form": AnswerForm(survey=survey),
            "breadcrumbs": [
                *_programme_crumbs(survey.programme),
                {"text": survey.title, "href": reverse("evaluation:edit", args=[survey.pk])},
            ],
        },
    )


# --- Results ----------------------------------------------------------------------------------


def _results_filters(request, survey):
    """The events a person may pick on a survey's results, the one picked, and the filters for it."""
    events = access.events_for(request.user).filter(
        Q(pk__in=survey.invitations.values("event")) | Q(pk__in=survey.responses.values("event"))
    )
    chosen = request.GET.get("event", "")
    event = events.filter(pk=chosen).first() if chosen.isdigit() else None
    return events, event, {"event": event} if event else {}


@login_required
@require_GET
def survey_results(request, pk):
    survey = access.get_survey_results_or_404(request.user, pk)
    events, event, filters = _results_filters(request, survey)
    respondents = analytics.respondents(survey=survey, **filters)
    compared, changes = paired_changes(survey, **filters)
    rates = list(analytics.response_counts(by=("event", "event__title", "event__starts_at"), survey=survey))
    for row in rates:
        row["rate"] = round(100 * row["answered"] / row["invited"]) if row["invited"] else 0
    return render(
        request,
        "evaluation/results.html",
        {
            "survey": survey,
            "events": events.order_by("starts_at"),
            "event": event,
            "respondents": respondents,
            "small": analytics.SMALL_NUMBER,
            "suppressed": respondents < analytics.SMALL_NUMBER,
            "results": question_results(survey, **filters) if respondents >= analytics.SMALL_NUMBER else [],
            "compared": compared,
            "changes": changes,
            "rates": rates,
            "drafts": analytics.drafts_count(survey=survey, **filters),
            "can_build": access.can_build_surveys(request.user, survey.programme),
            "breadcrumbs": _programme_crumbs(survey.programme),
        },
    )


@login_required
@require_GET
def survey_results_csv(request, pk, table):
    """The results page's answers or paired changes as CSV, with the page's event filter."""
    if table not in RESULT_COLUMNS:
        raise Http404("No such table")
    survey = access.get_survey_results_or_404(request.user, pk)
    _, event, filters = _results_filters(request, survey)
    suffix = f"-event-{event.pk}" if event else ""
    return csv_response(
        f"survey-{survey.pk}-{table}{suffix}.csv",
        RESULT_COLUMNS[table],
        result_rows(survey, table, **filters),
    )


@login_required
@require_POST
def remind_non_responders(request, pk):
    survey = access.get_built_survey_or_404(request.user, pk)
    reminded = services.non_responders_remind(invitations=survey.invitations.all())
    if reminded:
        messages.success(
            request, f"Reminded {reminded} {'person' if reminded == 1 else 'people'} who had not answered."
        )
    else:
        messages.info(request, "Everyone who has not answered has already had their one reminder.")
    return redirect("evaluation:results", survey.pk)
