"""Writes for the project and strategic groups and for consultations on drafts."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eolc.champions import tasks
from eolc.champions.models import (
    Consultation,
    ConsultationResponse,
    Consultees,
    Group,
    GroupMembership,
    Outcome,
    Stance,
)
from eolc.core.outbox import enqueue_on_commit


@transaction.atomic
def group_member_add(*, programme, person, group: str, by) -> GroupMembership:
    if group not in Group.values:
        raise ValidationError({"group": "Choose the project group or the strategic group"})
    membership, _ = GroupMembership.objects.get_or_create(
        programme=programme, person=person, group=group, defaults={"added_by": by}
    )
    return membership


@transaction.atomic
def group_member_remove(*, membership: GroupMembership) -> None:
    membership.delete()


@transaction.atomic
def consultation_open(
    *,
    programme,
    title: str,
    body: str,
    groups,
    closes_on,
    subject=None,
    opened_by,
    document_url: str = "",
    today=None,
) -> Consultation:
    """Send a draft to `groups` for comments until `closes_on` (inclusive); consultees are emailed.

    For other apps consulting on their own drafts: pass the draft model instance as `subject` and
    read the result later with `consultation_outcome(subject=...)`. `groups` is a list of
    `Consultees` values ("champions", "project", "strategic"). The caller checks that `opened_by`
    may run consultations in the programme (`access.can_run_consultations`). Raises
    ValidationError with a message per field for bad input.
    """
    errors = {}
    title, body, document_url = title.strip(), body.strip(), document_url.strip()
    if not title:
        errors["title"] = "Give the consultation a title"
    if not body and not document_url:
        errors["body"] = "Paste the draft, or link to the document"
    groups = list(dict.fromkeys(groups))
    if not groups or set(groups) - set(Consultees.values):
        errors["groups"] = "Choose who to consult: champions, the project group or the strategic group"
    if closes_on is None or closes_on < (today or timezone.localdate()):
        errors["closes_on"] = "The closing date must be today or later"
    if errors:
        raise ValidationError(errors)
    consultation = Consultation.objects.create(
        programme=programme,
        title=title,
        body=body,
        document_url=document_url,
        to_champions=Consultees.CHAMPIONS in groups,
        to_project_group=Consultees.PROJECT in groups,
        to_strategic_group=Consultees.STRATEGIC in groups,
        closes_on=closes_on,
        subject=subject,
        opened_by=opened_by,
    )
    enqueue_on_commit(tasks.consultation_invite, consultation.pk)
    return consultation


@transaction.atomic
def consultation_respond(*, consultation: Consultation, person, stance: str, comment: str = "", now=None):
    """Record or change a consultee's view while the consultation is open."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    now = now or timezone.now()
    if not consultation.is_open(timezone.localdate(now)):
        raise ValidationError("This consultation has closed.")
    if stance not in Stance.values:
        raise ValidationError({"stance": "Choose endorse, request changes or comment"})
    comment = comment.strip()
    if stance != Stance.ENDORSE and not comment:
        raise ValidationError({"comment": "Say what you would change, or what your comment is"})
    response, created = ConsultationResponse.objects.get_or_create(
        consultation=consultation,
        person=person,
        defaults={"stance": stance, "comment": comment, "created_at": now, "updated_at": now},
    )
    if not created:
        response.stance, response.comment, response.updated_at = stance, comment, now
        response.save(update_fields=["stance", "comment", "updated_at"])
    return response


@transaction.atomic
def consultation_team_respond(*, consultation: Consultation, text: str) -> Consultation:
    consultation.team_response = text.strip()
    consultation.save(update_fields=["team_response"])
    return consultation


@transaction.atomic
def consultation_decide(
    *, consultation: Consultation, outcome: str, note: str = "", by, now=None
) -> Consultation:
    """Record the outcome on the draft. It closes the consultation, even before its closing date."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "Choose the outcome"})
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    consultation.outcome, consultation.outcome_note = outcome, note.strip()
    consultation.decided_by, consultation.decided_at = by, now or timezone.now()
    consultation.save(update_fields=["outcome", "outcome_note", "decided_by", "decided_at"])
    return consultation


@dataclass(frozen=True)
class ConsultationOutcome:
    """What another app needs to know about the consultation on its draft."""

    consultation_id: int
    status: str  # "open", "closed" (waiting for a decision) or "decided"
    outcome: str  # an Outcome value, or "" until decided
    outcome_label: str
    note: str
    decided_at: datetime | None
    endorsements: int
    change_requests: int
    comments: int


def consultation_summary(consultation: Consultation, today=None) -> ConsultationOutcome:
    tally = Counter(consultation.responses.values_list("stance", flat=True))
    if consultation.outcome:
        status = "decided"
    else:
        status = "open" if consultation.is_open(today) else "closed"
    return ConsultationOutcome(
        consultation_id=consultation.pk,
        status=status,
        outcome=consultation.outcome,
        outcome_label=consultation.get_outcome_display() if consultation.outcome else "",
        note=consultation.outcome_note,
        decided_at=consultation.decided_at,
        endorsements=tally[Stance.ENDORSE],
        change_requests=tally[Stance.CHANGES],
        comments=tally[Stance.COMMENT],
    )


def consultation_outcome(*, subject, today=None) -> ConsultationOutcome | None:
    """The latest consultation about `subject` (any model instance), or None if it was never consulted on."""
    consultation = Consultation.objects.about(subject).newest_first().first()
    return consultation_summary(consultation, today) if consultation else None
