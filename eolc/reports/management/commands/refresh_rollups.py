"""Bring report rollups level with the raw data. Run it every 20–30 seconds beside the worker.

Only programmes with recorded changes are refreshed, by what changed (ADR 019); `--all` rebuilds
every programme (after a bulk load or a restore, which record no changes).
"""

from eolc.core.management.periodic import PeriodicCommand
from eolc.reports import rollups


class Command(PeriodicCommand):
    help = "Bring the report rollups of programmes whose data changed up to date."
    label = "Programmes refreshed"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--all", action="store_true", help="Rebuild every programme")

    def handle(self, *args, **options):
        self.rebuild_everything = options["all"]
        return super().handle(*args, **options)

    def run_once(self):
        if self.rebuild_everything:
            self.rebuild_everything = False
            return rollups.rebuild_all()
        return rollups.refresh_due()
