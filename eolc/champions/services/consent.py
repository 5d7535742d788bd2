"""Writes to the consent ledger, and the current state read back from it."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eolc.champions.models import (
    CURRENT_WORDING_VERSION,
    Audience,
    Champion,
    ConsentField,
    ConsentMethod,
    ConsentRecord,
)


def _check_consent(field: str, audience: str, method: str) -> None:
    if field not in ConsentField.values:
        raise ValidationError({"field": f"must be one of {', '.join(ConsentField.values)}"})
    if audience not in Audience.values:
        raise ValidationError({"audience": f"must be one of {', '.join(Audience.values)}"})
    if method not in ConsentMethod.values:
        raise ValidationError({"method": f"must be one of {', '.join(ConsentMethod.values)}"})


@transaction.atomic
def consent_record(
    *,
    champion: Champion,
    field: str,
    audience: str,
    granted: bool,
    method: str,
    by,
    wording_version: str = CURRENT_WORDING_VERSION,
    now=None,
) -> ConsentRecord:
    """Add one decision to the ledger. It is the current state from the moment this commits."""
    _check_consent(field, audience, method)
    if method != ConsentMethod.ADMIN and by is not None and by.pk != champion.person_id:
        raise ValidationError("Only the champion can give or withdraw their own consent this way")
    # Lock the champion so that two quick changes get distinct, ordered timestamps.
    Champion.objects.select_for_update().filter(pk=champion.pk).first()
    now = now or timezone.now()
    last = ConsentRecord.objects.for_champion(champion).newest_first().values_list("recorded_at", flat=True)
    last = last.first()
    if last is not None and now <= last:
        now = last + timedelta(microseconds=1)
    return ConsentRecord.objects.create(
        champion=champion,
        field=field,
        audience=audience,
        granted=bool(granted),
        wording_version=wording_version,
        method=method,
        recorded_by=by,
        recorded_at=now,
    )


def consent_state(champion: Champion) -> dict[tuple[str, str], bool]:
    """What the champion shares now: the newest record for each field and audience (absent: not shared)."""
    state = {(field, audience): False for field in ConsentField.values for audience in Audience.values}
    seen = set()
    for field, audience, granted in (
        ConsentRecord.objects.for_champion(champion)
        .newest_first()
        .values_list("field", "audience", "granted")
    ):
        if (field, audience) not in seen:
            seen.add((field, audience))
            state[(field, audience)] = granted
    return state


@transaction.atomic
def consents_set(*, champion: Champion, wanted: dict[tuple[str, str], bool], method: str, by) -> list:
    """Record only what changed, so the history reads as a list of real decisions."""
    current = consent_state(champion)
    return [
        consent_record(
            champion=champion, field=field, audience=audience, granted=granted, method=method, by=by
        )
        for (field, audience), granted in wanted.items()
        if current.get((field, audience)) != bool(granted)
    ]
