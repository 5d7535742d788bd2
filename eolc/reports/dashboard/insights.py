"""What people said: top themes, quotes their authors agreed to share, and practice examples.

Themes come from the insights app's own aggregate query: one query, whatever the volume.
"""

from django.db.models import Count, Q

from eolc.core.charts import Table
from eolc.insights.models import Consent, Contribution, PracticeExample, ReviewStatus, Theme
from eolc.insights.models import PracticeCategory as ExampleCategory
from eolc.reports.dashboard.coverage import target_areas
from eolc.reports.dashboard.scope import Scope, sector_label


def _publishable():
    return Q(contributions__status=ReviewStatus.APPROVED) & ~Q(contributions__consent=Consent.PRIVATE)


def top_themes(scope: Scope, limit=8):
    return list(
        Theme.objects.filter(programme_id__in=scope.programme_ids)
        .annotate(contributions_count=Count("contributions", filter=_publishable(), distinct=True))
        .filter(contributions_count__gt=0)
        .order_by("-contributions_count", "title")[:limit]
    )


def theme_table(scope: Scope, themes) -> Table:
    return Table(
        "themes",
        "Top themes from what people said",
        ["Theme", "Contributions"],
        [[theme.title, scope.count(theme.contributions_count)] for theme in themes],
        note="Contributions approved by a facilitator, across all dates.",
    )


def quotes_for(themes, per_theme=2) -> dict[int, list[dict]]:
    """Up to two quotes per theme, only from contributions whose authors agreed to be quoted."""
    quotes: dict[int, list[dict]] = {}
    rows = (
        Contribution.objects.quotable()
        .filter(themes__in=[theme.pk for theme in themes])
        .order_by("created_at", "pk")
        .values("themes", "text", "sector")
    )
    for row in rows:
        chosen = quotes.setdefault(row["themes"], [])
        if len(chosen) < per_theme:
            chosen.append({"text": row["text"], "who": sector_label(row["sector"]) if row["sector"] else ""})
    return quotes


def practice_examples(scope: Scope) -> list[tuple[str, list]]:
    """Published practice examples in the programmes' target areas, by category."""
    examples = (
        PracticeExample.objects.published()
        .filter(area__in=target_areas(scope))
        .select_related("area")
        .order_by("category", "title")
    )
    by_category: dict[str, list] = {}
    for example in examples:
        by_category.setdefault(example.category, []).append(example)
    return [(label, by_category[value]) for value, label in ExampleCategory.choices if value in by_category]
