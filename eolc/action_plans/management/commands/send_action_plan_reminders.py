"""Send the action plan reminders that are due. Run it every few minutes (cron, a timer, or --every).

Each reminder is claimed in the database before it is sent, so overlapping or restarted runs never
send the same reminder twice.
"""

import time

from django.core.management.base import BaseCommand

from eolc.action_plans import services


class Command(BaseCommand):
    help = "Send action plan reminders that are due (each exactly once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=int, default=0, help="Keep running, checking every this many seconds"
        )

    def handle(self, *args, every=0, **options):
        while True:
            sent = services.reminders_send()
            self.stdout.write(f"Action plan reminders sent: {sent}")
            if every <= 0:
                return
            time.sleep(every)
