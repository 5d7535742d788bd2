"""A management command that does one round of due work, once or every N seconds.

Recurring jobs (reminders) run from cron, a systemd timer, or with --every beside the
worker; each subclass defines `run_once()` (returning a count) and a `label` for it.
"""

import time

from django.core.management.base import BaseCommand


class PeriodicCommand(BaseCommand):
    label = "Items sent"

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=int, default=0, help="Keep running, checking every this many seconds"
        )

    def handle(self, *args, every=0, **options):
        while True:
            self.stdout.write(f"{self.label}: {self.run_once()}")
            if every <= 0:
                return
            time.sleep(every)
