"""Make pending champions active once check-in data shows they attended a champion event.

Pages do this for the people looking at them; this catches everyone else. Run it after events,
for example nightly from cron, or with --every.
"""

from eolc.champions import services
from eolc.core.management.periodic import PeriodicCommand


class Command(PeriodicCommand):
    help = "Activate pending champions who have attended one of their network's champion events."
    label = "Champions activated"

    def run_once(self) -> int:
        return services.champions_activate_from_attendance()
