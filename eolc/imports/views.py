"""Upload a spreadsheet, check every row in a preview, then confirm. Nothing is written before that."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.imports import readers, services
from eolc.imports.forms import UploadForm
from eolc.imports.models import ImportKind
from eolc.imports.presenters import COLUMNS, SAMPLE_ROWS, preview_rows
from eolc.lib.csv_export import csv_response
from eolc.programmes import access


def _require_importer(user):
    if not access.can_import(user):
        raise PermissionDenied("Only programme administrators can import people and attendance.")


def _crumbs(*extra):
    return [{"text": "Import", "href": reverse("imports:upload")}, *extra]


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    _require_importer(request.user)
    programmes = access.import_programmes_for(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, programmes=programmes)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        try:
            rows = readers.read_rows(form.cleaned_data["file"])
        except readers.UnreadableFile as problem:
            form.add_error("file", str(problem))
        else:
            missing = services.missing_columns(kind, rows)
            if not rows:
                form.add_error("file", "The file has column names but no rows under them.")
            elif missing:
                names = ", ".join(COLUMNS[kind][name] for name in sorted(missing))
                form.add_error("file", f"The file needs a column called {names} in its first row.")
            else:
                batch = services.batch_create(
                    programme=form.cleaned_data["programme"],
                    kind=kind,
                    filename=form.cleaned_data["file"].name,
                    rows=rows,
                    by=request.user,
                )
                return redirect("imports:preview", batch.pk)
    return render(request, "imports/upload.html", {"form": form, "columns": COLUMNS})


def _plans(request, batch):
    events = access.import_events_for(request.user, batch.programme)
    return services.plan_rows(batch, by=request.user, events=events)


@login_required
@require_GET
def preview(request, pk):
    batch = access.get_import_batch_or_404(request.user, pk)
    plans = _plans(request, batch) if not batch.is_confirmed else []
    return render(
        request,
        "imports/preview.html",
        {
            "batch": batch,
            "rows": preview_rows(batch.kind, plans),
            "counts": services.summary(plans),
            "errors": [plan for plan in plans if plan.errors],
            "columns": COLUMNS[batch.kind],
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
@require_POST
def confirm(request, pk):
    batch = access.get_import_batch_or_404(request.user, pk)
    events = access.import_events_for(request.user, batch.programme)
    try:
        outcome = services.batch_confirm(batch=batch, by=request.user, events=events)
    except services.AlreadyImported as refused:
        messages.info(request, str(refused))
        return redirect("imports:preview", batch.pk)
    messages.success(
        request,
        f"Imported: {outcome['created']} added, {outcome['updated']} updated, "
        f"{outcome['unchanged']} already up to date, {outcome['skipped']} skipped.",
    )
    return redirect("imports:preview", batch.pk)


@login_required
@require_GET
def example_file(request, kind):
    _require_importer(request.user)
    if kind not in ImportKind.values:
        raise Http404("No such example")
    header = list(COLUMNS[kind].values())
    return csv_response(f"example-{kind}.csv", header, SAMPLE_ROWS[kind])
