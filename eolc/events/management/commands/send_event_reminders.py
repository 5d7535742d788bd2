"""Send the event reminders that are due. Run it every few minutes (cron, a systemd timer, or --every).

Each reminder is claimed in the database before it is sent, so two copies of this command, or one
killed and started again, never send the same reminder twice.
"""

from eolc.core.management.periodic import PeriodicCommand
from eolc.events import services


class Command(PeriodicCommand):
    help = "Send event reminders that are due (each exactly once)."
    label = "Event reminders sent"

    def run_once(self):
        return services.reminders_send()
