"""Erase people whose accounts were closed at their request more than PRIVACY_ERASE_AFTER_DAYS ago.

Run it daily (cron, a systemd timer, or --every). Each erasure is one transaction, so a crash
leaves people either untouched or fully erased, and the next run picks up the rest.
"""

from django.conf import settings

from eolc.core.management.periodic import PeriodicCommand
from eolc.privacy import services


class Command(PeriodicCommand):
    help = "Erase closed accounts whose grace period is over."
    label = "People erased"

    def run_once(self):
        return services.retention_run(after_days=settings.PRIVACY_ERASE_AFTER_DAYS)
