"""Send the weekly noticeboard digests that are due. Run it daily (cron) or with --every."""

from eolc.champions import services
from eolc.core.management.periodic import PeriodicCommand


class Command(PeriodicCommand):
    help = "Send weekly digests of new noticeboard posts to people who asked for them."
    label = "Digests sent"

    def run_once(self) -> int:
        return services.digests_send()
