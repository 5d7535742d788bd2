from django.conf import settings
from django.core.management.base import BaseCommand

from eolc.demo import content
from eolc.demo.services import current_totp_code, demo_sign_ins


class Command(BaseCommand):
    help = "Print the demo sign-ins, the demo authenticator secret and its current code."

    def handle(self, *args, **options):
        sign_ins = demo_sign_ins()
        code, seconds_left = current_totp_code()
        rows = [(s.label, s.email, s.password, code if s.needs_mfa else "not needed") for s in sign_ins]
        header = ("Role", "Email", "Password", "Two-factor code")
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

        def line(cells):
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        write = self.stdout.write
        write(self.style.MIGRATE_HEADING("Demo sign-ins"))
        write(line(header))
        write(line(["-" * width for width in widths]))
        for row in rows:
            write(line(row))
        write("")
        write(f"Authenticator secret (staff roles): {content.DEMO_TOTP_SECRET}")
        write(
            f"The code {code} is current for another {seconds_left} s. "
            "Run `.venv/bin/python manage.py demo_sign_ins` for a fresh code, or add the secret "
            "to any authenticator app."
        )
        missing = [s.email for s in sign_ins if not s.loaded]
        if missing:
            write(
                self.style.WARNING("Demo data is not loaded yet: run `.venv/bin/python manage.py load_demo`.")
            )
        if not settings.DEMO_SIGN_INS_ALLOWED:
            write(self.style.WARNING("DEBUG is off, so these demo accounts are refused at sign-in."))
