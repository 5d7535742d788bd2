"""Propose groups for request rounds whose cut-off has passed. Run it every few minutes (cron, a
systemd timer, or --every).

Each round gets one run after its cut-off, queued for the task worker; the facilitator reviews and
confirms it on the round's page. Nothing is confirmed from here.
"""

from eolc.allocation import services
from eolc.core.management.periodic import PeriodicCommand


class Command(PeriodicCommand):
    help = "Queue a run of the allocator for each round whose cut-off has passed (once per round)."
    label = "Rounds queued for allocation"

    def run_once(self):
        return services.rounds_allocate_due()
