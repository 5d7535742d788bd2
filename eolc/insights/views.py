"""Pages for sharing what worked, reviewing it, grouping it into themes, drafting and publishing key
messages, and the catalogue of practice examples. Every object is loaded through access helpers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.insights import services
from eolc.insights.forms import (
    AcceptSuggestionForm,
    AssignForm,
    BulkContributionForm,
    BulkReviewForm,
    CatalogueFilterForm,
    ConsultationForm,
    ContributionForm,
    KeyMessageForm,
    PracticeExampleForm,
    PracticeReviewForm,
    ReviewForm,
    ThemeForm,
)
from eolc.insights.models import Consent, ContributionKind, ReviewStatus
from eolc.insights.presenters import contribution_rows, suggestion_cards, support_table
from eolc.lib.csv_export import csv_response
from eolc.programmes import access


def _require_reviewer(user):
    if not access.can_review_contributions(user):
        raise PermissionDenied("Only facilitators and programme administrators can do this.")


def _hub_crumbs(*extra):
    return [{"text": "Insights", "href": reverse("insights:hub")}, *extra]


# --- Sharing a contribution -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def contribute(request):
    user = request.user
    events = access.contribution_events_for(user).order_by("-starts_at")
    initial = {"consent": Consent.ANONYMOUS}
    chosen = request.GET.get("event", "")
    if chosen.isdigit() and events.filter(pk=chosen).exists():
        initial["event"] = int(chosen)
    form = ContributionForm(
        request.POST or None,
        events=events,
        programmes=access.programmes_for(user),
        barriers=access.linkable_barriers_for(user),
        initial=initial,
    )
    findings = []
    if request.method == "POST" and form.is_valid():
        findings = form.identifying_details()
        if not findings:
            data = form.cleaned_data
            services.contribution_create(
                contributor=user,
                kind=data["kind"],
                text=data["text"],
                consent=data["consent"],
                event=data["event"],
                programme=data["programme"],
                barrier=data["barrier"],
            )
            messages.success(
                request,
                "Thank you. A facilitator will read it before it is used anywhere. Add another below.",
            )
            return redirect(
                reverse("insights:contribute") + (f"?event={data['event'].pk}" if data["event"] else "")
            )
    return render(
        request,
        "insights/contribute.html",
        {
            "form": form,
            "findings": findings,
            "profile": user,
            "mine_count": access.own_contributions(user).count(),
        },
    )


@login_required
@require_GET
def my_contributions(request):
    contributions = access.own_contributions(request.user).newest_first().select_related("event")
    return render(
        request,
        "insights/my_contributions.html",
        {
            "rows": contribution_rows(contributions),
            "breadcrumbs": [{"text": "Share what worked", "href": reverse("insights:contribute")}],
        },
    )


# --- Facilitators: hub, bulk entry, review ----------------------------------------------------


@login_required
@require_GET
def hub(request):
    _require_reviewer(request.user)
    programmes = access.insight_programmes_for(request.user).annotate(
        themes_count=Count("themes", distinct=True), messages_count=Count("key_messages", distinct=True)
    )
    waiting = access.managed_contributions(request.user).pending().count()
    return render(request, "insights/hub.html", {"programmes": programmes, "waiting": waiting})


@login_required
@require_http_methods(["GET", "POST"])
def bulk_entry(request):
    _require_reviewer(request.user)
    user = request.user
    events = access.managed_events(user).order_by("-starts_at")
    # Keep the batch's choices after saving, so the next pile of notes is quick to type in.
    initial = {"consent": Consent.ANONYMOUS}
    for name in ("event", "programme", "kind", "sector", "job_role", "consent"):
        if request.GET.get(name):
            initial[name] = request.GET[name]
    form = BulkContributionForm(
        request.POST or None, events=events, programmes=access.insight_programmes_for(user), initial=initial
    )
    findings = []
    if request.method == "POST" and form.is_valid():
        findings = form.identifying_details()
        if not findings:
            data = form.cleaned_data
            created = services.contributions_bulk_create(
                entered_by=user,
                lines=data["lines"],
                kind=data["kind"],
                consent=data["consent"],
                sector=data["sector"],
                job_role=data["job_role"],
                event=data["event"],
                programme=data["programme"],
            )
            messages.success(
                request, f"{len(created)} contribution{'s' if len(created) != 1 else ''} added for review."
            )
            keep = {
                name: request.POST.get(name, "")
                for name in ("event", "programme", "kind", "sector", "job_role", "consent")
            }
            query = "&".join(f"{name}={value}" for name, value in keep.items() if value)
            return redirect(reverse("insights:bulk") + f"?{query}")
    return render(
        request,
        "insights/bulk.html",
        {"form": form, "findings": findings, "breadcrumbs": _hub_crumbs()},
    )


@login_required
@require_GET
def review_queue(request):
    _require_reviewer(request.user)
    pending = access.managed_contributions(request.user).pending().order_by("created_at", "pk")
    pending = pending.select_related("event", "programme", "job_role")
    page = Paginator(pending, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "insights/review_queue.html",
        {"page": page, "rows": contribution_rows(page.object_list), "breadcrumbs": _hub_crumbs()},
    )


@login_required
@require_POST
def review_many(request):
    _require_reviewer(request.user)
    form = BulkReviewForm(request.POST, contributions=access.managed_contributions(request.user).pending())
    if form.is_valid():
        count = services.contributions_review_many(
            contributions=access.managed_contributions(request.user).filter(
                pk__in=[c.pk for c in form.cleaned_data["contributions"]]
            ),
            by=request.user,
            decision=form.cleaned_data["decision"],
        )
        verb = "approved" if form.cleaned_data["decision"] == ReviewStatus.APPROVED else "rejected"
        messages.success(request, f"{count} contribution{'s' if count != 1 else ''} {verb}.")
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("insights:review")


@login_required
@require_http_methods(["GET", "POST"])
def review_contribution(request, pk):
    contribution = access.get_managed_contribution_or_404(request.user, pk)
    barriers = access.managed_contributions(request.user).approved().barriers()
    if contribution.programme_id:
        barriers = barriers.filter(programme_id=contribution.programme_id)
    form = ReviewForm(
        request.POST or None,
        barriers=barriers.exclude(pk=contribution.pk),
        initial={
            "text": contribution.text,
            "kind": contribution.kind,
            "sector": contribution.sector,
            "job_role": contribution.job_role,
            "consent": contribution.consent,
            "barrier": contribution.barrier,
        },
    )
    if request.method == "POST" and form.is_valid():
        decision = ReviewStatus.REJECTED if "reject" in request.POST else ReviewStatus.APPROVED
        services.contribution_review(
            contribution=contribution, by=request.user, decision=decision, **form.cleaned_data
        )
        messages.success(request, "Approved." if decision == ReviewStatus.APPROVED else "Rejected.")
        return redirect("insights:review")
    return render(
        request,
        "insights/review_contribution.html",
        {
            "contribution": contribution,
            "form": form,
            "breadcrumbs": _hub_crumbs({"text": "Review", "href": reverse("insights:review")}),
        },
    )


# --- Themes -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def themes(request, slug):
    programme = access.get_insight_programme_or_404(request.user, slug)
    approved = (
        access.managed_contributions(request.user)
        .in_programme(programme)
        .approved()
        .select_related("event")
        .prefetch_related("themes")
    )
    themes = programme.themes.annotate(size=Count("contributions"))
    kind = request.GET.get("kind", "")
    unthemed = request.GET.get("unthemed") == "1"
    listed = approved.of_kind(kind if kind in ContributionKind.values else "")
    if unthemed:
        listed = listed.without_theme()
    form = AssignForm(request.POST or None, contributions=approved, themes=programme.themes.all())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["theme"] is None:
                theme = services.theme_create(
                    programme=programme,
                    title=data["new_title"],
                    by=request.user,
                    contributions=data["contributions"],
                )
                added = len(data["contributions"])
            else:
                theme = data["theme"]
                added = services.theme_assign(theme=theme, contributions=data["contributions"])
        except services.InsightRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, f"{added} added to “{theme.title}”.")
            return redirect(request.get_full_path())
    page = Paginator(listed.order_by("kind", "pk"), 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "insights/themes.html",
        {
            "programme": programme,
            "themes": themes,
            "form": form,
            "page": page,
            "rows": contribution_rows(page.object_list),
            "selected": {str(pk) for pk in request.POST.getlist("contributions")},
            "kind": kind,
            "kinds": ContributionKind.choices,
            "unthemed": unthemed,
            "query": query.urlencode(),
            "latest_run": programme.theme_suggestion_runs.newest_first().first(),
            "breadcrumbs": _hub_crumbs(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_detail(request, pk):
    theme = access.get_managed_theme_or_404(request.user, pk)
    form = ThemeForm(request.POST or None, initial={"title": theme.title, "description": theme.description})
    if request.method == "POST" and "remove" in request.POST:
        remove = theme.contributions.filter(pk__in=[v for v in request.POST.getlist("remove") if v.isdigit()])
        services.theme_unassign(theme=theme, contributions=list(remove))
        messages.success(request, "Removed from the theme.")
        return redirect("insights:theme", theme.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_update(theme=theme, **form.cleaned_data)
        except services.InsightRefused as refusal:
            form.add_error("title", str(refusal))
        else:
            messages.success(request, "Theme saved.")
            return redirect("insights:theme", theme.pk)
    contributions = theme.contributions.select_related("event").order_by("kind", "pk")
    return render(
        request,
        "insights/theme.html",
        {
            "theme": theme,
            "form": form,
            "rows": contribution_rows(contributions),
            "breadcrumbs": _hub_crumbs(
                {
                    "text": f"Themes: {theme.programme}",
                    "href": reverse("insights:themes", args=[theme.programme.slug]),
                }
            ),
        },
    )


@login_required
@require_POST
def suggest_themes(request, slug):
    programme = access.get_insight_programme_or_404(request.user, slug)
    run = services.suggestion_run_create(programme=programme, by=request.user)
    messages.success(request, "Looking for themes. This page shows the suggestions when they are ready.")
    return redirect("insights:suggestions", run.pk)


@login_required
@require_GET
def suggestions(request, pk):
    run = access.get_suggestion_run_or_404(request.user, pk)
    ids = {pk for cluster in run.clusters for pk in cluster["representatives"]}
    contributions = access.managed_contributions(request.user).approved().in_bulk(ids)
    return render(
        request,
        "insights/suggestions.html",
        {
            "run": run,
            "cards": suggestion_cards(run, contributions),
            "breadcrumbs": _hub_crumbs(
                {
                    "text": f"Themes: {run.programme}",
                    "href": reverse("insights:themes", args=[run.programme.slug]),
                }
            ),
        },
    )


@login_required
@require_POST
def accept_suggestion(request, pk, index):
    run = access.get_suggestion_run_or_404(request.user, pk)
    form = AcceptSuggestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Name the theme before accepting it.")
        return redirect("insights:suggestions", run.pk)
    try:
        theme = services.suggestion_accept(
            run=run, index=index, title=form.cleaned_data["title"], by=request.user
        )
    except services.InsightRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("insights:suggestions", run.pk)
    messages.success(
        request, f"“{theme.title}” is now a theme with {theme.contributions.count()} contributions."
    )
    return redirect("insights:suggestions", run.pk)


@login_required
@require_GET
def export_contributions(request, slug):
    """Approved contributions for reports: never those marked not for publication, never names."""
    programme = access.get_insight_programme_or_404(request.user, slug)
    contributions = (
        access.managed_contributions(request.user)
        .in_programme(programme)
        .publishable()
        .select_related("event", "job_role")
        .prefetch_related("themes")
        .order_by("pk")
    )
    rows = (
        [
            c.pk,
            c.get_kind_display(),
            c.text,
            c.get_sector_display(),
            c.job_role.name if c.job_role else "",
            c.event.title if c.event else "",
            c.created_at.date().isoformat(),
            "; ".join(theme.title for theme in c.themes.all()),
            "yes" if c.consent == Consent.QUOTE else "no",
        ]
        for c in contributions
    )
    header = ["ID", "Kind", "Text", "Sector", "Job role", "Session", "Date", "Themes", "May be quoted"]
    return csv_response(f"contributions-{programme.slug}.csv", header, rows)


# --- Key messages -----------------------------------------------------------------------------


@require_GET
def message_list(request):
    """Published key messages, for everyone; the programme team also sees a link to their drafts."""
    published = (
        access.published_key_messages().select_related("programme").order_by("programme__title", "position")
    )
    return render(
        request,
        "insights/messages.html",
        {"messages_list": published, "programmes": access.insight_programmes_for(request.user)},
    )


@require_GET
def message_public(request, slug):
    message = access.get_published_key_message_or_404(slug)
    quotes = message.supporting_contributions().quotable().order_by("pk")[:6]
    return render(
        request,
        "insights/message_public.html",
        {
            "message": message,
            "support": support_table(message, public=True),
            "quotes": quotes,
            "breadcrumbs": [{"text": "Key messages", "href": reverse("insights:messages")}],
        },
    )


@login_required
@require_GET
def programme_messages(request, slug):
    programme = access.get_insight_programme_or_404(request.user, slug)
    key_messages = access.managed_key_messages(request.user).in_programme(programme).in_order()
    return render(
        request,
        "insights/programme_messages.html",
        {"programme": programme, "key_messages": key_messages, "breadcrumbs": _hub_crumbs()},
    )


def _message_form(request, programme, initial=None):
    contributions = (
        access.managed_contributions(request.user).in_programme(programme).approved().order_by("kind", "pk")
    )
    return KeyMessageForm(
        request.POST or None, themes=programme.themes.all(), contributions=contributions, initial=initial
    )


@login_required
@require_http_methods(["GET", "POST"])
def create_message(request, slug):
    programme = access.get_insight_programme_or_404(request.user, slug)
    form = _message_form(request, programme)
    if request.method == "POST" and form.is_valid():
        message = services.key_message_create(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, "Draft saved.")
        return redirect("insights:message", message.pk)
    return render(
        request,
        "insights/message_form.html",
        {
            "form": form,
            "programme": programme,
            "breadcrumbs": _hub_crumbs(
                {
                    "text": "Key messages",
                    "href": reverse("insights:programme_messages", args=[programme.slug]),
                }
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_message(request, pk):
    message = access.get_managed_key_message_or_404(request.user, pk)
    form = _message_form(
        request,
        message.programme,
        initial={
            "title": message.title,
            "body": message.body,
            "themes": list(message.themes.all()),
            "contributions": list(message.contributions.all()),
        },
    )
    if request.method == "POST" and form.is_valid():
        message = services.key_message_update(message=message, by=request.user, **form.cleaned_data)
        messages.success(
            request, f"Published as version {message.version}." if message.is_published else "Draft saved."
        )
        return redirect("insights:message", message.pk)
    return render(
        request,
        "insights/message_form.html",
        {
            "form": form,
            "message": message,
            "programme": message.programme,
            "breadcrumbs": _hub_crumbs(
                {"text": message.title, "href": reverse("insights:message", args=[message.pk])}
            ),
        },
    )


@login_required
@require_GET
def show_message(request, pk):
    message = access.get_managed_key_message_or_404(request.user, pk)
    supporting = message.supporting_contributions().select_related("event").order_by("kind", "pk")
    return render(
        request,
        "insights/message.html",
        {
            "message": message,
            "support": support_table(message, public=False),
            "public_support": support_table(message, public=True),
            "themes": message.themes.annotate(size=Count("contributions")),
            "rows": contribution_rows(supporting),
            "versions": message.versions.select_related("published_by"),
            "consultation_form": ConsultationForm() if _may_consult(request.user, message) else None,
            "breadcrumbs": _hub_crumbs(
                {
                    "text": "Key messages",
                    "href": reverse("insights:programme_messages", args=[message.programme.slug]),
                }
            ),
        },
    )


def _may_consult(user, message):
    return services.consultation_available() and access.can_run_consultations(user, message.programme)


@login_required
@require_POST
def consult_message(request, pk):
    """Send the draft to champions or the groups for comments, through the champions app."""
    message = access.get_managed_key_message_or_404(request.user, pk)
    if not _may_consult(request.user, message):
        raise PermissionDenied("Only the programme team can run consultations.")
    form = ConsultationForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("insights:message", message.pk)
    try:
        services.key_message_consultation_open(message=message, by=request.user, **form.cleaned_data)
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    else:
        messages.success(request, "The draft has been sent for comments.")
    return redirect("insights:message", message.pk)


@login_required
@require_POST
def publish_message(request, pk):
    message = access.get_managed_key_message_or_404(request.user, pk)
    if "withdraw" in request.POST:
        services.key_message_withdraw(message=message)
        messages.success(request, "Withdrawn: it no longer appears on the public page.")
    else:
        try:
            message = services.key_message_publish(message=message, by=request.user)
        except services.InsightRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"Published (version {message.version}).")
    return redirect("insights:message", message.pk)


# --- Practice examples ------------------------------------------------------------------------


@require_GET
def catalogue(request):
    published = access.practice_examples_for(request.user).published()
    form = CatalogueFilterForm(request.GET or None, published=published)
    examples = published
    if form.is_valid():
        data = form.cleaned_data
        examples = (
            examples.search(data["q"])
            .in_category(data["category"])
            .in_area(data["area"])
            .involving(data["organisation"])
        )
    page = Paginator(
        examples.newest_first().select_related("area").prefetch_related("organisations"), 20
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "insights/catalogue.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_review": access.can_review_practice_examples(request.user),
        },
    )


@require_GET
def show_example(request, pk):
    example = access.get_practice_example_or_404(request.user, pk)
    can_review = access.can_review_practice_examples(request.user)
    return render(
        request,
        "insights/example.html",
        {
            "example": example,
            "organisations": example.organisations.all(),
            "can_review": can_review and not example.is_published,
            "review_form": PracticeReviewForm() if can_review else None,
            "breadcrumbs": [{"text": "Practice examples", "href": reverse("insights:catalogue")}],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def submit_example(request):
    form = PracticeExampleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        example = services.practice_example_submit(by=request.user, **form.cleaned_data)
        messages.success(
            request, "Thank you. Someone from the programme team will read it before it is published."
        )
        return redirect("insights:example", example.pk)
    return render(
        request,
        "insights/example_form.html",
        {"form": form, "breadcrumbs": [{"text": "Practice examples", "href": reverse("insights:catalogue")}]},
    )


@login_required
@require_GET
def example_queue(request):
    if not access.can_review_practice_examples(request.user):
        raise PermissionDenied("Only programme teams review practice examples.")
    pending = (
        access.practice_examples_for(request.user).pending().order_by("created_at").select_related("area")
    )
    return render(
        request,
        "insights/example_queue.html",
        {
            "examples": pending,
            "breadcrumbs": [{"text": "Practice examples", "href": reverse("insights:catalogue")}],
        },
    )


@login_required
@require_POST
def review_example(request, pk):
    example = access.get_reviewable_practice_example_or_404(request.user, pk)
    form = PracticeReviewForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    publish = "publish" in request.POST
    services.practice_example_review(example=example, by=request.user, publish=publish, note=note)
    messages.success(request, "Published." if publish else "Not published; it stays out of the catalogue.")
    return redirect("insights:example_queue")
