"""Fill the database with a national-sized programme for benchmarking the reports."""

from django.core.management.base import BaseCommand

from eolc.reports import scale


class Command(BaseCommand):
    help = (
        "Generate people, sessions, attendances, completions and survey answers at scale, "
        "then rebuild the rollups."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=100_000)
        parser.add_argument("--events", type=int, default=10_000)
        parser.add_argument("--attendances", type=int, default=1_000_000)
        parser.add_argument("--answers", type=int, default=300_000, help="Survey answers, before and after")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, people, events, attendances, answers, seed, **options):
        summary = scale.generate(
            people=people,
            events=events,
            attendances=attendances,
            answers=answers,
            seed=seed,
            progress=scale.Progress(),  # the real stdout: the bar rewrites its own line
        )
        self.stdout.write(
            f"{summary.programme.title}: {summary.people:,} people, {summary.events:,} sessions, "
            f"{summary.attendances:,} attendances, {summary.completions:,} completions, "
            f"{summary.answers:,} survey answers "
            f"in {summary.seconds} s; rollups rebuilt in {summary.rollup_seconds} s."
        )
        self.stdout.write(f"Dashboard: /reports/programmes/{summary.programme.slug}/")
