"""Send the event reminders that are due. Run it every few minutes (cron, a systemd timer, or --every).

Each reminder is claimed in the database before it is sent, so two copies of this command, or one
killed and started again, never send the same reminder twice.
"""

import time

from django.core.management.base import BaseCommand

from eolc.events import services


class Command(BaseCommand):
    help = "Send event reminders that are due (each exactly once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=int, default=0, help="Keep running, checking every this many seconds"
        )

    def handle(self, *args, every=0, **options):
        while True:
            sent = services.reminders_send()
            self.stdout.write(f"Event reminders sent: {sent}")
            if every <= 0:
                return
            time.sleep(every)
