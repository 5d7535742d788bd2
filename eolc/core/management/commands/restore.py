"""Restore the database from a backup and prove it against the backup's manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from eolc.core.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace the configured database with a backup made by `manage.py backup`, then verify it."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--yes", action="store_true", help="confirm that the current data is replaced")

    def handle(self, *args, path, yes=False, **options):
        if not yes:
            raise CommandError(
                "Restoring replaces every row in the configured database with the backup's contents. "
                "Stop the app servers and workers, then run again with --yes."
            )
        try:
            mismatches = backup_restore(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if mismatches:
            lines = [
                f"  {table}: expected {diff['expected']}, found {diff['actual']}"
                for table, diff in mismatches.items()
            ]
            raise CommandError("Restore does not match the manifest:\n" + "\n".join(lines))
        self.stdout.write(f"Restored {path}; every table matches the manifest.")
