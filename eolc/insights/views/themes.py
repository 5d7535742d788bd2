"""Themes: grouping contributions by hand or from suggestions, and the contributions export for reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.insights import services
from eolc.insights.forms import AcceptSuggestionForm, AssignForm, ThemeForm
from eolc.insights.models import Consent, ContributionKind
from eolc.insights.presenters import contribution_rows, suggestion_cards
from eolc.insights.views.contributions import _hub_crumbs
from eolc.lib.csv_export import csv_response
from eolc.programmes import access


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
