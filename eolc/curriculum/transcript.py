"""A learner's CE/CPD ledger, read from completions only, with exact Decimal totals."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from eolc.curriculum.models import Completion, CompletionCredit

ZERO = Decimal("0.00")


def hours_text(value: Decimal) -> str:
    """Hours as an exact string with two decimal places, e.g. "12.50"."""
    return str(value.quantize(Decimal("0.01")))


@dataclass
class Entry:
    completion: Completion
    credits: list[CompletionCredit]

    @property
    def certificate(self):
        return getattr(self.completion, "certificate", None)


@dataclass
class Transcript:
    person: object
    entries: list[Entry]
    total: Decimal = ZERO
    by_scheme: dict[str, Decimal] = field(default_factory=dict)
    by_scheme_and_category: dict[tuple[str, str], Decimal] = field(default_factory=dict)


def transcript_for(person) -> Transcript:
    completions = list(
        Completion.objects.for_person(person)
        .select_related("part__programme", "certificate")
        .prefetch_related("credits")
        .order_by("completed_on", "pk")
    )
    by_scheme: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_pair: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    total = ZERO
    entries = []
    for completion in completions:
        credits = list(completion.credits.all())
        total += completion.ce_hours
        for credit in credits:
            by_scheme[credit.scheme] += credit.hours
            by_pair[(credit.scheme, credit.category)] += credit.hours
        entries.append(Entry(completion, credits))
    return Transcript(
        person=person,
        entries=entries,
        total=total,
        by_scheme=dict(sorted(by_scheme.items())),
        by_scheme_and_category=dict(sorted(by_pair.items())),
    )
