"""The surveys a person has been sent and not yet answered, kept per process between requests.

Every event page asks whether the viewer has a survey about that event waiting, so each person's
waiting surveys are read once and kept under a stamp (eolc/core/stamps.py, ADR 020) that moves when
an invitation is created, deleted, sent or answered, or a survey is renamed. Sending and answering
mark the invitation with `QuerySet.update`, which sends no signal, so those services move the stamp
themselves.
"""

from django.core.cache import caches

from eolc.core.stamps import Stamp
from eolc.programmes import access

STAMP = Stamp("evaluation:invitations:generation")
TIMEOUT_SECONDS = 300


def waiting_by_event(person) -> dict[int, list[tuple[int, str]]]:
    """Event id → [(invitation id, survey title)] in the order they were sent."""
    if not person.is_authenticated:
        return {}
    key = f"evaluation:waiting:{STAMP.value()}:{person.pk}"
    waiting = caches["local-small"].get(key)
    if waiting is None:
        waiting = {}
        rows = access.own_invitations(person).filter(responded_at__isnull=True).order_by("pk")
        for pk, event_id, title in rows.values_list("pk", "event_id", "survey__title"):
            waiting.setdefault(event_id, []).append((pk, title))
        caches["local-small"].set(key, waiting, TIMEOUT_SECONDS)
    return waiting
