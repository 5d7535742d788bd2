import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from eolc.demo.services import DemoDataConflict, demo_load


class Command(BaseCommand):
    help = "Load the demo programmes, organisations, people and sign-ins (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off (demo accounts still cannot sign in then).",
        )

    def handle(self, *args, force=False, verbosity=1, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so demo accounts could not sign in; refusing to load demo data. "
                "Use --force to load it anyway."
            )
        started = time.perf_counter()
        try:
            summary = demo_load(stdout=self.stdout if verbosity >= 2 else None)
        except DemoDataConflict as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"{summary.line()} ({elapsed:.1f} s)"))
