"""The programme report: the dashboard's figures written up as a document a funder can read."""

from django.utils import timezone

from eolc.core.charts import bar_chart
from eolc.programmes.models import OrganisationRelation
from eolc.reports import dashboard as figures
from eolc.reports.models import LearningPoints
from eolc.reports.tilemap import tile_map


def _paragraphs(text: str) -> list[str]:
    return [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]


def assemble(programme, scope) -> dict:
    board = figures.dashboard(scope)
    reach = {table.key: table for table in board.reach}
    points = LearningPoints.objects.filter(programme=programme).first()
    links = programme.organisation_links.select_related("organisation")
    quotes = figures.quotes_for(board.themes)
    reached = sum(1 for area in board.coverage if area.status == figures.Status.REACHED)
    return {
        "programme": programme,
        "scope": scope,
        "board": board,
        "phases": list(programme.phases.order_by("starts_on")),
        "owners": [link.organisation for link in links if link.relation == OrganisationRelation.OWNER],
        "funders": [link.organisation for link in links if link.relation == OrganisationRelation.FUNDER],
        "partners": [link.organisation for link in links if link.relation == OrganisationRelation.PARTNER],
        "reached_areas": reached,
        "sector_table": reach["sector"],
        "sector_chart": bar_chart(reach["sector"]),
        "month_table": reach["month"],
        "role_table": reach["role"],
        "tile_map": tile_map(board.coverage),
        "mix_chart": bar_chart(board.mix),
        "follow_chart": bar_chart(board.follow_through),
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
