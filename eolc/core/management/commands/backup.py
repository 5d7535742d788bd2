"""Take a consistent online backup of the database with a manifest of row counts and checksums."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from eolc.core.backups import BackupError, backup_create, default_output_path, manifest_path


class Command(BaseCommand):
    help = "Back up the database (SQLite: VACUUM INTO; PostgreSQL: pg_dump --format=custom) plus a manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="file to write (default: var/backups/eolc-<UTC time>.*)"
        )

    def handle(self, *args, output=None, **options):
        try:
            path = backup_create(output=output or default_output_path())
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(path))
        self.stderr.write(f"manifest: {manifest_path(path)}")
