"""Dashboards, exports and the programme report: aggregates only, never a person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from eolc.core.charts import SMALL_NUMBER, bar_chart
from eolc.curriculum.pdf import pdf_response
from eolc.programmes import access
from eolc.reports import dashboard as figures
from eolc.reports import exports, report, services
from eolc.reports.forms import DashboardFilterForm, LearningPointsForm, filter_areas
from eolc.reports.tilemap import tile_map

FORMATS = ("csv", "xlsx")


def _crumbs(*extra):
    return [{"text": "Reports", "href": reverse("reports:index")}, *extra]


def _scope(request, programmes, programme=None):
    ids = list(programmes.values_list("pk", flat=True))
    form = DashboardFilterForm(
        request.GET or None,
        phases=figures.phases(ids),
        areas=filter_areas(ids).order_by("name"),
    )
    data = form.cleaned_data if form.is_valid() else {}
    scope = figures.Scope(
        programme_ids=ids,
        suppress_small=access.reports_suppressed_for(request.user, programme),
        phase=data.get("phase"),
        start=data.get("start"),
        end=data.get("end"),
        area=data.get("area"),
        sector=data.get("sector") or "",
        kind=data.get("kind") or "",
    )
    return form, scope


def _export_urls(programme, key, query):
    suffix = f"?{query}" if query else ""
    if programme is None:
        return {fmt: reverse("reports:all_export", args=[key, fmt]) + suffix for fmt in FORMATS}
    return {fmt: reverse("reports:export", args=[programme.slug, key, fmt]) + suffix for fmt in FORMATS}


def _section(table, programme, query, *, interval=None):
    return {
        "table": table,
        "chart": bar_chart(table),
        "interval": interval,
        "exports": _export_urls(programme, table.key, query),
    }


def _render_dashboard(request, form, scope, *, title, programme=None):
    board = figures.dashboard(scope)
    query = request.GET.urlencode()
    return render(
        request,
        "reports/dashboard.html",
        {
            "title": title,
            "programme": programme,
            "form": form,
            "board": board,
            "reach": [_section(table, programme, query) for table in board.reach],
            "coverage": _section(board.coverage_table, programme, query),
            "mix": _section(board.mix, programme, query),
            "credits": _section(board.credits, programme, query),
            "follow_through": _section(board.follow_through, programme, query),
            "champions": _section(board.champions, programme, query),
            "delivered": _section(board.delivered, programme, query),
            "outcomes": _section(board.outcomes, programme, query, interval=board.outcome_chart),
            "themes": _section(board.theme_table, programme, query),
            "workbook": _export_urls(programme, "all", query)["xlsx"],
            "tile_map": tile_map(board.coverage),
            "scope": scope,
            "small": SMALL_NUMBER,
            "query": query,
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
@require_GET
def index(request):
    if not access.can_view_any_reports(request.user):
        raise PermissionDenied("Only programme administrators and commissioners can see reports.")
    return render(
        request,
        "reports/index.html",
        {
            "programmes": access.report_programmes_for(request.user).order_by("title"),
            "can_view_all": access.can_view_all_reports(request.user),
        },
    )


@login_required
@require_GET
def programme_dashboard(request, slug):
    programme = access.get_report_programme_or_404(request.user, slug)
    form, scope = _scope(request, access.programmes_for(request.user).filter(pk=programme.pk), programme)
    return _render_dashboard(
        request,
        form,
        scope,
        title=programme.title,
        programme=programme,
    )


@login_required
@require_GET
def all_dashboard(request):
    if not access.can_view_all_reports(request.user):
        raise PermissionDenied("Only site administrators can see every programme together.")
    form, scope = _scope(request, access.report_programmes_for(request.user))
    return _render_dashboard(
        request,
        form,
        scope,
        title="All programmes",
    )


def _export(request, scope, key, fmt, stem):
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    tables = figures.dashboard(scope).tables
    if key == "all":
        if fmt != "xlsx":
            raise Http404("Every table together comes as a spreadsheet")
        return exports.xlsx_tables(tables, f"{stem}.xlsx")
    table = next((t for t in tables if t.key == key), None)
    if table is None:
        raise Http404("No such table")
    name = f"{stem}-{key.replace('_', '-')}.{fmt}"
    return exports.csv_table(table, name) if fmt == "csv" else exports.xlsx_tables([table], name)


@login_required
@require_GET
def export_table(request, slug, table, fmt):
    programme = access.get_report_programme_or_404(request.user, slug)
    _, scope = _scope(request, access.programmes_for(request.user).filter(pk=programme.pk), programme)
    return _export(request, scope, table, fmt, programme.slug)


@login_required
@require_GET
def all_export_table(request, table, fmt):
    if not access.can_view_all_reports(request.user):
        raise PermissionDenied("Only site administrators can see every programme together.")
    _, scope = _scope(request, access.report_programmes_for(request.user))
    return _export(request, scope, table, fmt, "all-programmes")


# --- The programme report ---------------------------------------------------------------------


def _report_context(request, programme, *, pdf=False):
    _, scope = _scope(request, access.programmes_for(request.user).filter(pk=programme.pk), programme)
    return report.assemble(programme, scope, pdf=pdf)


@login_required
@require_GET
def programme_report(request, slug):
    programme = access.get_report_programme_or_404(request.user, slug)
    context = _report_context(request, programme)
    return render(
        request,
        "reports/report.html",
        {
            **context,
            "can_edit": access.can_manage_programme(request.user, programme),
            "query": request.GET.urlencode(),
            "breadcrumbs": _crumbs(
                {"text": programme.title, "href": reverse("reports:dashboard", args=[programme.slug])}
            ),
        },
    )


@login_required
@require_GET
def programme_report_pdf(request, slug):
    programme = access.get_report_programme_or_404(request.user, slug)
    return pdf_response(
        request,
        "reports/report_pdf.html",
        _report_context(request, programme, pdf=True),
        f"{programme.slug}-report.pdf",
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_learning_points(request, slug):
    programme = access.get_learning_points_programme_or_404(request.user, slug)
    current = services.learning_points_for(programme=programme)
    form = LearningPointsForm(request.POST or None, initial={"text": current.text if current else ""})
    if request.method == "POST" and form.is_valid():
        services.learning_points_save(programme=programme, text=form.cleaned_data["text"], by=request.user)
        messages.success(request, "The learning points are saved and now appear in the report.")
        return redirect("reports:report", programme.slug)
    return render(
        request,
        "reports/learning_points_form.html",
        {
            "programme": programme,
            "form": form,
            "breadcrumbs": _crumbs(
                {"text": "Programme report", "href": reverse("reports:report", args=[programme.slug])}
            ),
        },
    )
