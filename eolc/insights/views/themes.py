"""Themes: grouping contributions by hand or from suggestions, and the contributions export for reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.insights import services
from eolc.insights.forms import AcceptSuggestionForm, AssignForm, ThemeForm
from eolc.insights.models import Consent, ContributionKind
from eolc.insights.presenters import contribution_rows, suggestion_cards
from eolc.insights.views.contributions import _hub_crumbs
from eolc.lib.csv_export import csv_response
from eolc.programmes import access


def _is_htmx(request):
    return request.headers.get("HX-Request") == "true"


def _fragment(request, templates, context, notice="", extra=""):
    """What htmx swaps in: the changed part of the page, then the status line (out of band) that says
    what happened, so a screen reader hears it. `extra` is more out-of-band HTML."""
    context = {**context, "oob": True, "notice": notice}
    html = "".join(render_to_string(name, context, request) for name in templates)
    return HttpResponse(html + extra + render_to_string("insights/_status.html", context, request))


def _theme_in_programme_or_404(request, programme_id, pk):
    if not str(pk).isdigit():
        raise Http404("No such theme.")
    return get_object_or_404(access.managed_themes(request.user).filter(programme_id=programme_id), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def themes(request, slug):
    """Group contributions by hand. With htmx, filtering swaps only the table and adding the selected
    to a theme only the theme list and the table; without JavaScript the forms reload the page."""
    programme = access.get_insight_programme_or_404(request.user, slug)
    approved = (
        access.managed_contributions(request.user)
        .in_programme(programme)
        .approved()
        .select_related("event", "job_role")
        .prefetch_related("themes")
    )
    themes = programme.themes.annotate(size=Count("contributions"))
    kind = request.GET.get("kind", "")
    unthemed = request.GET.get("unthemed") == "1"
    listed = approved.of_kind(kind if kind in ContributionKind.values else "")
    if unthemed:
        listed = listed.without_theme()
    form = AssignForm(request.POST or None, contributions=approved, themes=programme.themes.all())
    notice = ""
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
            notice = f"{added} added to “{theme.title}”."
            if not _is_htmx(request):
                messages.success(request, notice)
                return redirect(request.get_full_path())
            form = AssignForm(contributions=approved, themes=programme.themes.all())
    page = Paginator(listed.order_by("kind", "pk"), 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "programme": programme,
        "themes": themes,
        "form": form,
        "page": page,
        "rows": contribution_rows(page.object_list),
        "selected": set() if notice else {str(pk) for pk in request.POST.getlist("contributions")},
        "kind": kind,
        "kinds": ContributionKind.choices,
        "unthemed": unthemed,
        "query": query.urlencode(),
        "latest_run": programme.theme_suggestion_runs.newest_first().first(),
        "breadcrumbs": _hub_crumbs(),
    }
    if request.method == "POST" and _is_htmx(request):
        return _fragment(request, ["insights/_themes_workspace.html"], context, notice)
    if _is_htmx(request):  # the filter: only the table changes
        return render(request, "insights/_themes_results.html", context)
    return render(request, "insights/themes.html", context)


def _theme_context(request, theme, form):
    return {
        "theme": theme,
        "form": form,
        "rows": contribution_rows(
            theme.contributions.select_related("event", "job_role").order_by("kind", "pk")
        ),
        "other_themes": theme.programme.themes.exclude(pk=theme.pk),
        "breadcrumbs": _hub_crumbs(
            {
                "text": f"Themes: {theme.programme}",
                "href": reverse("insights:themes", args=[theme.programme.slug]),
            }
        ),
    }


@login_required
@require_http_methods(["GET", "POST"])
def theme_detail(request, pk):
    """One theme: its contributions (remove or move each one) and its name. With htmx a change swaps
    only the part it changed; without JavaScript each form posts and the page reloads."""
    theme = access.get_managed_theme_or_404(request.user, pk)
    form = ThemeForm(request.POST or None, initial={"title": theme.title, "description": theme.description})
    if request.method == "POST" and "remove" in request.POST:
        remove = theme.contributions.filter(pk__in=[v for v in request.POST.getlist("remove") if v.isdigit()])
        removed = list(remove)
        services.theme_unassign(theme=theme, contributions=removed)
        notice = f"{len(removed)} removed from “{theme.title}”."
        if _is_htmx(request):
            context = _theme_context(request, theme, form)
            return _fragment(request, ["insights/_theme_contributions.html"], context, notice)
        messages.success(request, notice)
        return redirect("insights:theme", theme.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_update(theme=theme, **form.cleaned_data)
        except services.InsightRefused as refusal:
            form.add_error("title", str(refusal))
        else:
            if not _is_htmx(request):
                messages.success(request, "Theme saved.")
                return redirect("insights:theme", theme.pk)
            form = ThemeForm(initial={"title": theme.title, "description": theme.description})
            context = _theme_context(request, theme, form)
            return _fragment(
                request, ["insights/_theme_name.html", "insights/_theme_title.html"], context, "Theme saved."
            )
    context = _theme_context(request, theme, form)
    if request.method == "POST" and _is_htmx(request):
        return _fragment(request, ["insights/_theme_name.html"], context)
    return render(request, "insights/theme.html", context)


@login_required
@require_POST
def move_contribution(request, pk):
    """Move one contribution from this theme to another theme of the programme."""
    theme = access.get_managed_theme_or_404(request.user, pk)
    chosen = request.POST.get("contribution", "")
    if not chosen.isdigit():
        raise Http404("No such contribution in this theme.")
    contribution = get_object_or_404(theme.contributions.all(), pk=chosen)
    target = _theme_in_programme_or_404(request, theme.programme_id, request.POST.get("to", ""))
    try:
        services.theme_move(source=theme, target=target, contributions=[contribution])
    except services.InsightRefused as refusal:
        notice, ok = str(refusal), False
    else:
        notice, ok = f"Moved to “{target.title}”.", True
    if _is_htmx(request):
        context = _theme_context(request, theme, ThemeForm(initial={"title": theme.title}))
        return _fragment(request, ["insights/_theme_contributions.html"], context, notice)
    (messages.success if ok else messages.error)(request, notice)
    return redirect("insights:theme", theme.pk)


@login_required
@require_POST
def merge_theme(request, pk):
    """Fold this theme into another one of the programme, then show the one that is left."""
    theme = access.get_managed_theme_or_404(request.user, pk)
    into = _theme_in_programme_or_404(request, theme.programme_id, request.POST.get("into", ""))
    title = theme.title
    try:
        services.theme_merge(theme=theme, into=into)
    except services.InsightRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("insights:theme", theme.pk)
    messages.success(request, f"“{title}” merged into “{into.title}”.")
    return redirect("insights:theme", into.pk)


@login_required
@require_POST
def suggest_themes(request, slug):
    programme = access.get_insight_programme_or_404(request.user, slug)
    run = services.suggestion_run_create(programme=programme, by=request.user)
    messages.success(request, "Looking for themes. This page shows the suggestions when they are ready.")
    return redirect("insights:suggestions", run.pk)


def _cards(request, run):
    ids = {pk for cluster in run.clusters for pk in cluster["representatives"]}
    contributions = access.managed_contributions(request.user).approved().in_bulk(ids)
    return suggestion_cards(run, contributions)


@login_required
@require_GET
def suggestions(request, pk):
    run = access.get_suggestion_run_or_404(request.user, pk)
    return render(
        request,
        "insights/suggestions.html",
        {
            "run": run,
            "cards": _cards(request, run),
            "themes": run.programme.themes.all(),
            "breadcrumbs": _hub_crumbs(
                {
                    "text": f"Themes: {run.programme}",
                    "href": reverse("insights:themes", args=[run.programme.slug]),
                }
            ),
        },
    )


@login_required
@require_GET
def suggestion_progress(request, pk):
    """The progress line the suggestions page polls; when the run ends, htmx reloads the whole page."""
    run = access.get_suggestion_run_or_404(request.user, pk)
    if not _is_htmx(request):
        return redirect("insights:suggestions", run.pk)
    response = render(request, "insights/_suggestion_progress.html", {"run": run})
    if not run.is_working:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def accept_suggestion(request, pk, index):
    """Make a suggested group a theme, or add it to an existing one. With htmx only its card changes."""
    run = access.get_suggestion_run_or_404(request.user, pk)
    if not 0 <= index < len(run.clusters):
        raise Http404("No such suggestion.")
    into, title, error = None, "", ""
    if "into" in request.POST:
        into = _theme_in_programme_or_404(request, run.programme_id, request.POST["into"])
    else:
        form = AcceptSuggestionForm(request.POST)
        if form.is_valid():
            title = form.cleaned_data["title"]
        else:
            error = "Name the theme before accepting it."
    theme = None
    if not error:
        try:
            theme = services.suggestion_accept(run=run, index=index, title=title, by=request.user, into=into)
        except services.InsightRefused as refusal:
            error = str(refusal)
    if theme is not None:
        size = theme.contributions.count()
        notice = f"“{theme.title}” is now a theme with {size} contribution{pluralize(size)}."
        if into is not None:
            notice = f"Added to “{theme.title}”, which now has {size} contribution{pluralize(size)}."
    if not _is_htmx(request):
        if error:
            messages.error(request, error)
        else:
            messages.success(request, notice)
        return redirect("insights:suggestions", run.pk)
    run.refresh_from_db()
    cards = _cards(request, run)
    card = {**cards[index], "error": error}
    if error and "title" in request.POST:
        card["title"] = request.POST["title"]
    themes = list(run.programme.themes.all())
    extra = ""
    if theme is not None and into is None:
        # A new theme: the other groups' "add to a theme you already have" lists now include it.
        extra = "".join(
            render_to_string(
                "insights/_suggestion_into.html",
                {"run": run, "card": other, "themes": themes, "oob": True},
                request,
            )
            for other in cards
            if other["index"] != index and not other["accepted"]
        )
    context = {"run": run, "card": card, "theme": theme, "themes": themes}
    return _fragment(request, ["insights/_suggestion_card.html"], context, "" if error else notice, extra)


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
