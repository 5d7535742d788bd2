"""Send the action plan reminders that are due. Run it every few minutes (cron, a timer, or --every).

Each reminder is claimed in the database before it is sent, so overlapping or restarted runs never
send the same reminder twice.
"""

from eolc.action_plans import services
from eolc.core.management.periodic import PeriodicCommand


class Command(PeriodicCommand):
    help = "Send action plan reminders that are due (each exactly once)."
    label = "Action plan reminders sent"

    def run_once(self):
        return services.reminders_send()
