"""Writes for action plans: creating plans, progress updates, signed one-time links, reminders, buddies.

Reminders and update links follow ADR 006: a reminder is claimed by inserting a row under a unique
constraint (or taking over an expired claim with a conditional UPDATE) before it is sent. An update
link is a signed token naming one action and a nonce; the nonce row is consumed by a conditional
UPDATE in the same transaction as the update, so a link works once, for its own action, until it expires.
"""

import secrets
import uuid
from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from eolc.action_plans import emails
from eolc.action_plans.models import (
    MAX_ACTIONS,
    Action,
    ActionPlan,
    BuddyPair,
    BuddyRequest,
    PlanReminder,
    PlanTemplate,
    ProgressUpdate,
    Status,
    UpdateLink,
)
from eolc.events.models import Registration

LINK_SALT = "eolc.action_plans.update-link"
LINK_LIFETIME = timedelta(days=28)
REMINDER_LEASE = timedelta(minutes=10)
# A participant waiting this long for a buddy from another sector is paired within their own sector.
SAME_SECTOR_AFTER = timedelta(days=3)


class PlanRefused(Exception):
    """Why a plan or update cannot be saved; the message is shown as it is."""


# --- Plans and progress ----------------------------------------------------------------------


@transaction.atomic
def action_plan_create(
    *,
    owner,
    title,
    actions,
    event=None,
    reminder_weeks=None,
    share_with_buddy=False,
    share_with_facilitators=False,
    now=None,
) -> ActionPlan:
    """`actions` is a list of dicts of Action fields (plus optional `partner_roles`), 1 to 5 of them."""
    if not 1 <= len(actions) <= MAX_ACTIONS:
        raise PlanRefused(f"A plan has between 1 and {MAX_ACTIONS} actions.")
    plan = ActionPlan(
        owner=owner,
        event=event,
        title=title,
        share_with_buddy=share_with_buddy,
        share_with_facilitators=share_with_facilitators,
        created_at=now or timezone.now(),
    )
    if reminder_weeks is not None:
        plan.reminder_weeks = sorted(set(reminder_weeks))
    plan.full_clean()
    plan.save()
    for position, fields in enumerate(actions, start=1):
        fields = dict(fields)
        roles = fields.pop("partner_roles", [])
        action = Action.objects.create(plan=plan, position=position, **fields)
        action.partner_roles.set(roles)
    return plan


@transaction.atomic
def action_plan_sharing_set(*, plan: ActionPlan, share_with_buddy: bool, share_with_facilitators: bool):
    plan.share_with_buddy = share_with_buddy
    plan.share_with_facilitators = share_with_facilitators
    plan.save(update_fields=["share_with_buddy", "share_with_facilitators"])
    return plan


@transaction.atomic
def action_plan_close(*, plan: ActionPlan, now=None) -> ActionPlan:
    """A closed plan gets no more reminders; its figures stay in the follow-through analytics."""
    ActionPlan.objects.filter(pk=plan.pk, closed_at__isnull=True).update(closed_at=now or timezone.now())
    plan.refresh_from_db(fields=["closed_at"])
    return plan


@transaction.atomic
def progress_update_create(
    *, action: Action, status, note="", stuck_reasons=(), stuck_other="", via_link=False, now=None
) -> ProgressUpdate:
    now = now or timezone.now()
    if status != Status.STUCK:
        stuck_reasons, stuck_other = [], ""
    update = ProgressUpdate.objects.create(
        action=action,
        status=status,
        note=note,
        stuck_reasons=sorted(set(stuck_reasons)),
        stuck_other=stuck_other,
        via_link=via_link,
        created_at=now,
    )
    action.status = status
    if status == Status.DONE:
        action.completed_at = action.completed_at or now
    else:
        action.completed_at = None
    action.save(update_fields=["status", "completed_at"])
    return update


@transaction.atomic
def plan_template_save(*, event, by, title, introduction="", suggestions=(), now=None) -> PlanTemplate:
    """One template per event: participants writing a plan from it start from these ideas."""
    template, _ = PlanTemplate.objects.update_or_create(
        event=event,
        defaults={
            "title": title,
            "introduction": introduction,
            "suggestions": list(suggestions)[:MAX_ACTIONS],
            "updated_at": now or timezone.now(),
            "updated_by": by,
        },
    )
    return template


def plan_template_for(*, event) -> PlanTemplate | None:
    return PlanTemplate.objects.filter(event=event).first() if event is not None else None


# --- Signed one-time update links ---------------------------------------------------------------


@transaction.atomic
def update_link_create(*, action: Action, now=None, lifetime=LINK_LIFETIME) -> str:
    """A token for one progress update of one action. Only its nonce is stored; the token is emailed."""
    now = now or timezone.now()
    nonce = secrets.token_urlsafe(24)
    UpdateLink.objects.create(action=action, nonce=nonce, created_at=now, expires_at=now + lifetime)
    return signing.dumps({"a": action.pk, "n": nonce}, salt=LINK_SALT)


def _link_for(token: str, now) -> UpdateLink | None:
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=LINK_LIFETIME)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("a"), int) or not isinstance(data.get("n"), str):
        return None
    return (
        UpdateLink.objects.select_related("action__plan__owner")
        .filter(action_id=data["a"], nonce=data["n"], used_at__isnull=True, expires_at__gt=now)
        .first()
    )


def update_link_action(*, token: str, now=None) -> Action | None:
    """The action a link may update, or None when it is forged, used, expired or its plan closed."""
    link = _link_for(token, now or timezone.now())
    if link is None or link.action.plan.is_closed:
        return None
    return link.action


@transaction.atomic
def update_link_use(*, token: str, status, note="", stuck_reasons=(), stuck_other="", now=None):
    """Consume the link and record the update together; None when the link no longer works."""
    now = now or timezone.now()
    link = _link_for(token, now)
    if link is None or link.action.plan.is_closed:
        return None
    used = UpdateLink.objects.filter(pk=link.pk, action_id=link.action_id, used_at__isnull=True).update(
        used_at=now
    )
    if not used:
        return None
    return progress_update_create(
        action=link.action,
        status=status,
        note=note,
        stuck_reasons=stuck_reasons,
        stuck_other=stuck_other,
        via_link=True,
        now=now,
    )


# --- Reminders --------------------------------------------------------------------------------


def reminder_windows(plan: ActionPlan) -> list[tuple[int, object, object | None]]:
    """(weeks, due from, due until): a reminder is only sent until the next one is due."""
    weeks = sorted({w for w in plan.reminder_weeks if w > 0})
    windows = []
    for index, week in enumerate(weeks):
        due = plan.created_at + timedelta(weeks=week)
        until = plan.created_at + timedelta(weeks=weeks[index + 1]) if index + 1 < len(weeks) else None
        windows.append((week, due, until))
    return windows


def _claim(plan, weeks, now, claim) -> PlanReminder | None:
    try:
        with transaction.atomic():
            return PlanReminder.objects.create(plan=plan, weeks=weeks, claimed_at=now, claim=claim)
    except IntegrityError:
        taken = PlanReminder.objects.filter(
            plan=plan, weeks=weeks, sent_at__isnull=True, claimed_at__lt=now - REMINDER_LEASE
        ).update(claimed_at=now, claim=claim)
        return PlanReminder.objects.get(plan=plan, weeks=weeks) if taken else None


def reminders_send(*, now=None) -> int:
    """Send each due reminder once. Closed plans and plans whose actions are all done get none."""
    now = now or timezone.now()
    claim = uuid.uuid4().hex
    sent = 0
    plans = ActionPlan.objects.open().with_unfinished_actions().select_related("owner")
    for plan in plans.filter(owner__is_active=True):
        for weeks, due, until in reminder_windows(plan):
            if not (due <= now and (until is None or now < until)):
                continue
            done = PlanReminder.objects.filter(plan=plan, weeks=weeks).filter(
                Q(sent_at__isnull=False) | Q(claimed_at__gte=now - REMINDER_LEASE)
            )
            if done.exists():
                continue
            reminder = _claim(plan, weeks, now, claim)
            if reminder is None:
                continue
            links = [
                (action, update_link_create(action=action, now=now)) for action in plan.actions.unfinished()
            ]
            emails.reminder_send(plan=plan, weeks=weeks, links=links)
            PlanReminder.objects.filter(pk=reminder.pk, claim=claim).update(sent_at=timezone.now())
            sent += 1
    return sent


# --- Buddies ----------------------------------------------------------------------------------


def event_participants(event):
    """People with a confirmed place at the event: they met there, so they may pair up."""
    return Registration.objects.for_event(event).confirmed().values("person")


def is_participant(*, event, person) -> bool:
    return Registration.objects.for_event(event).confirmed().filter(person=person).exists()


@transaction.atomic
def buddy_request_create(*, event, person, now=None) -> BuddyPair | None:
    """Opt in; pair at once with a waiting participant from a different sector, or from the same
    sector when they have waited `SAME_SECTOR_AFTER` without one."""
    if not is_participant(event=event, person=person):
        raise PlanRefused("Only people who took part in this event can find a buddy from it.")
    if BuddyPair.objects.active().involving(person).filter(event=event).exists():
        raise PlanRefused("You already have a buddy from this event.")
    now = now or timezone.now()
    request, _ = BuddyRequest.objects.get_or_create(event=event, person=person, defaults={"created_at": now})
    paired = BuddyPair.objects.active().filter(event=event)
    waiting = (
        BuddyRequest.objects.filter(event=event, person__in=event_participants(event))
        .exclude(person=person)
        .exclude(Exists(paired.filter(Q(first=OuterRef("person")) | Q(second=OuterRef("person")))))
        .select_related("person")
    )

    def same_sector(other):
        return bool(person.sector) and other.person.sector == person.sector

    # Someone from the same sector is a buddy only after waiting a while for someone from another.
    candidates = [r for r in waiting if not same_sector(r) or r.created_at <= now - SAME_SECTOR_AFTER]
    if not candidates:
        return None
    partner = min(candidates, key=lambda r: (same_sector(r), r.created_at, r.pk))
    pair = BuddyPair.objects.create(event=event, first=partner.person, second=person, created_at=now)
    BuddyRequest.objects.filter(pk__in=[partner.pk, request.pk]).delete()
    return pair


@transaction.atomic
def buddy_request_withdraw(*, event, person) -> None:
    BuddyRequest.objects.filter(event=event, person=person).delete()


@transaction.atomic
def buddy_pair_end(*, pair: BuddyPair, by, now=None) -> BuddyPair:
    """Either buddy may end the pairing; the other simply no longer sees plans shared with a buddy."""
    if by.pk not in (pair.first_id, pair.second_id):
        raise PlanRefused("Only the buddies themselves can end a pairing.")
    BuddyPair.objects.filter(pk=pair.pk, ended_at__isnull=True).update(
        ended_at=now or timezone.now(), ended_by=by
    )
    pair.refresh_from_db()
    return pair


def waiting_events(*, person):
    """Events where the person has opted in and is still waiting for a buddy."""
    return BuddyRequest.objects.filter(person=person).values_list("event_id", flat=True)
