"""Propose groups for a request round from the command line, with a progress bar.

The proposal is stored exactly as one made from the round's page, so a facilitator reviews and
confirms it there; nothing is confirmed from here.
"""

from django.core.management.base import BaseCommand, CommandError

from eolc.allocation import services
from eolc.allocation.models import Allocation, RequestRound

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Run the allocator over a request round now and show its progress."

    def add_arguments(self, parser):
        parser.add_argument("round", type=int, help="The request round's id")

    def handle(self, *args, **options):
        try:
            request_round = RequestRound.objects.get(pk=options["round"])
        except RequestRound.DoesNotExist as exc:
            raise CommandError(f"There is no request round {options['round']}.") from exc
        if not request_round.is_open:
            raise CommandError(f"“{request_round}” is closed: its places are already confirmed.")
        allocation = services.allocation_create(request_round=request_round, queue=False)
        self.stdout.write(f"Allocating “{request_round}” ({request_round.requests.count()} requests)")
        services.allocation_run(allocation_id=allocation.pk, progress=self.draw)
        self.draw(100, "Proposal ready")
        self.stdout.write("")
        allocation = Allocation.objects.get(pk=allocation.pk)
        result = allocation.result
        placed, unplaced = len(result["placements"]), len(result["unplaced"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Proposed: {placed} placed, {unplaced} without a place; mix score {allocation.score:.2f} "
                f"(first come, first served {allocation.baseline_score:.2f})."
            )
        )
        for line in result["reports"]:
            self.stdout.write(self.style.WARNING(line))
        self.stdout.write(f"Review and confirm it on the round's page (allocation {allocation.pk}).")

    def draw(self, percent: int, phase: str) -> None:
        done = BAR_WIDTH * percent // 100
        bar = "#" * done + "." * (BAR_WIDTH - done)
        if self.stdout.isatty():
            self.stdout.write(f"\r[{bar}] {percent:3d}%  {phase:<60}", ending="")
            self.stdout.flush()
        else:
            self.stdout.write(f"[{bar}] {percent:3d}%  {phase}")
