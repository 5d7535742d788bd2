"""Send the survey invitations and reminders that are due. Run it every few minutes (cron, a systemd
timer, or --every). Each invitation is claimed in the database first, so it goes out once."""

from eolc.core.management.periodic import PeriodicCommand
from eolc.evaluation import services


class Command(PeriodicCommand):
    help = "Send survey invitations and reminders to non-responders that are due (each once)."
    label = "Survey invitations and reminders sent"

    def run_once(self):
        return services.invitations_send() + services.reminders_send()
