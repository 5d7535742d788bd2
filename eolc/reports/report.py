"""The programme report: the dashboard's figures written up as a document a funder can read.

The page and the PDF share one body. The PDF is laid out by WeasyPrint, whose cost grows with every
table cell and every SVG text it sets, so its figures are shaped for print (`printable`): each chart
becomes a bar beside its table's rows, long lists keep their largest rows with a note of how many
more the dashboard has, months fold into quarters and coverage is listed by status.
"""

from dataclasses import dataclass

from django.utils import timezone

from eolc.core.charts import Table, bar_chart
from eolc.programmes.models import OrganisationRelation
from eolc.reports import dashboard as figures
from eolc.reports.models import LearningPoints
from eolc.reports.tilemap import tile_map

# Rows kept in a printed table ranked by size; the rest are counted in a note.
PRINT_ROWS = 10


@dataclass
class PrintedTable:
    """A table for the PDF: rows of cells, each with the width (0–100) of the bar drawn beside it."""

    caption: str
    columns: list[str]
    rows: list[tuple[list, float | None]]
    note: str = ""
    bars: bool = False


def _number(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def printable(table: Table, *, limit: int | None = None, more: str = "") -> PrintedTable:
    """`table` shaped for print; with `limit`, only its largest rows by the charted column.

    `more` names what the left-out rows are ("job roles"); the note says how many there are.
    """
    rows = table.rows
    notes = [table.note] if table.note else []
    column = table.chart
    if limit is not None and len(rows) > limit:
        key = column if column is not None else 1
        rows = sorted(rows, key=lambda row: _number(row[key]) or 0, reverse=True)[:limit]
        notes.append(f"The {limit} largest of {len(table.rows)} {more}; the dashboard lists them all.")
    largest = max((_number(row[column]) or 0 for row in rows), default=0) if column is not None else 0
    shaped = []
    for row in rows:
        value = _number(row[column]) if column is not None else None
        shaped.append((row, round(100 * value / largest, 1) if value and largest else None))
    return PrintedTable(table.caption, table.columns, shaped, " ".join(notes), bars=column is not None)


def coverage_by_status(areas) -> list[tuple[str, list[str]]]:
    """Target areas' names under each status, for print (the page has the full table)."""
    grouped = []
    for status in (figures.Status.REACHED, figures.Status.PLANNED, figures.Status.NONE):
        names = [area.name for area in areas if area.status == status]
        if names:
            grouped.append((figures.Status.LABELS[status], names))
    return grouped


def _paragraphs(text: str) -> list[str]:
    return [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]


# The reach tables each form of the report shows (the PDF folds months into quarters itself).
PAGE_REACH = ("sector", "month", "role")
PDF_REACH = ("sector", "role")


def assemble(programme, scope, *, pdf=False) -> dict:
    board = figures.dashboard(scope, reach=PDF_REACH if pdf else PAGE_REACH)
    reach = {table.key: table for table in board.reach}
    points = LearningPoints.objects.filter(programme=programme).first()
    links = programme.organisation_links.select_related("organisation")
    quotes = figures.quotes_for(board.themes)
    reached = sum(1 for area in board.coverage if area.status == figures.Status.REACHED)
    context = {
        "programme": programme,
        "scope": scope,
        "board": board,
        "pdf": pdf,
        "phases": list(programme.phases.order_by("starts_on")),
        "owners": [link.organisation for link in links if link.relation == OrganisationRelation.OWNER],
        "funders": [link.organisation for link in links if link.relation == OrganisationRelation.FUNDER],
        "partners": [link.organisation for link in links if link.relation == OrganisationRelation.PARTNER],
        "reached_areas": reached,
        "tile_map": tile_map(board.coverage),
        "themes": [
            {
                "title": theme.title,
                "count": scope.count(theme.contributions_count),
                "quotes": quotes.get(theme.pk, []),
            }
            for theme in board.themes
        ],
        "examples": figures.practice_examples(scope),
        "learning_points": _paragraphs(points.text) if points else [],
        "generated_at": timezone.now(),
    }
    if pdf:
        context["printed"] = {
            "sector": printable(reach["sector"]),
            "role": printable(reach["role"], limit=PRINT_ROWS, more="job roles"),
            "quarter": printable(figures.reach_by_quarter(scope)),
            "champions": printable(board.champions),
            "delivered": printable(board.delivered),
            "mix": printable(board.mix),
            "outcomes": printable(board.outcomes),
            "credits": printable(board.credits),
            "follow_through": printable(board.follow_through),
        }
        context["coverage_by_status"] = coverage_by_status(board.coverage)
    else:
        context.update(
            {
                "sector_table": reach["sector"],
                "sector_chart": bar_chart(reach["sector"]),
                "month_table": reach["month"],
                "role_table": reach["role"],
                "mix_chart": bar_chart(board.mix),
                "follow_chart": bar_chart(board.follow_through),
            }
        )
    return context
