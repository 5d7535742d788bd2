"""Tables of figures and the SVG bar charts drawn from them, for any app's reports.

Charts are drawn by a Django template from geometry computed here (ADR 010): no chart library,
no JavaScript, nothing the content security policy has to allow. Every chart is drawn from a
`Table` that the page also shows, so the figures are readable without the picture.
"""

from dataclasses import dataclass, field

# A count too small to show to someone who must not be able to pick out individuals.
SUPPRESSED = "fewer than 5"
SMALL_NUMBER = 5

WIDTH = 640
LABEL_WIDTH = 200
BAR_AREA = 330
ROW_HEIGHT = 26
LABEL_CHARS = 28


@dataclass
class Table:
    """A captioned table; `key` names it in export addresses, `chart` is the column to draw."""

    key: str
    caption: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    chart: int | None = 1
    note: str = ""


def suppress(value, *, counts_people=True):
    """Counts of 1–4 people become SUPPRESSED; zero and larger counts stay as they are."""
    if counts_people and isinstance(value, int) and 0 < value < SMALL_NUMBER:
        return SUPPRESSED
    return value


def _short(label: str) -> str:
    label = str(label)
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _number(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:,}" if isinstance(value, int) else str(value)


def bar_chart(table: Table) -> dict | None:
    """Horizontal bars for one column of a table; suppressed or empty cells get no bar."""
    if table.chart is None or not table.rows:
        return None
    column = table.chart
    values = [row[column] if isinstance(row[column], (int, float)) else None for row in table.rows]
    largest = max((v for v in values if v is not None), default=0)
    bars = []
    for index, (row, value) in enumerate(zip(table.rows, values, strict=True)):
        top = 8 + index * ROW_HEIGHT
        width = round(BAR_AREA * value / largest, 1) if value and largest else 0
        bars.append(
            {
                "label": _short(row[0]),
                "text": _number(row[column]) if value is not None else "not shown",
                "label_y": top + 16,
                "bar_y": top + 4,
                "width": max(width, 1) if value else 0,
                "value_x": LABEL_WIDTH + width + 6,
            }
        )
    return {
        "title": f"{table.caption}: {table.columns[column].lower()}",
        "description": "; ".join(f"{row[0]}: {_number(row[column])}" for row in table.rows),
        "width": WIDTH,
        "height": 16 + ROW_HEIGHT * len(bars),
        "bar_x": LABEL_WIDTH,
        "bars": bars,
    }


@dataclass
class Interval:
    """One row of an interval chart: a point estimate and its confidence interval, or nothing shown."""

    label: str
    value: float | None
    low: float | None = None
    high: float | None = None
    text: str = ""


def interval_chart(title: str, rows: list[Interval]) -> dict | None:
    """Points with their intervals on one scale that always includes zero, one row per label.

    For changes (after minus before): left of the zero line is worse, right is better. Rows without
    a value (suppressed or unknown) keep their label and say why, with no mark.
    """
    shown = [row for row in rows if row.value is not None]
    if not shown:
        return None
    ends = [0.0] + [v for row in shown for v in (row.value, row.low, row.high) if v is not None]
    low, high = min(ends), max(ends)
    span = (high - low) or 1.0
    low, high = low - span * 0.05, high + span * 0.05

    def x(value):
        return round(LABEL_WIDTH + BAR_AREA * (value - low) / (high - low), 1)

    marks = []
    for index, row in enumerate(rows):
        top = 8 + index * ROW_HEIGHT
        mark = {
            "label": _short(row.label),
            "label_y": top + 16,
            "y": top + 12,
            "text": row.text or "not shown",
            "shown": row.value is not None,
        }
        if row.value is not None:
            mark |= {
                "x": x(row.value),
                "low_x": x(row.low if row.low is not None else row.value),
                "high_x": x(row.high if row.high is not None else row.value),
            }
        marks.append(mark)
    return {
        "title": title,
        "description": "; ".join(f"{row.label}: {row.text or 'not shown'}" for row in rows),
        "width": WIDTH,
        "height": 16 + ROW_HEIGHT * len(marks),
        "zero_x": x(0.0),
        "value_x": LABEL_WIDTH + BAR_AREA + 8,
        "marks": marks,
    }
