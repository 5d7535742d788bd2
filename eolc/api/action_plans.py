"""Action plan endpoints: a person's own plans, for phone apps and integrations.

A thin layer over `eolc.action_plans.services` and `eolc.programmes.access`. Only the owner sees
or changes a plan here; any other plan, shared or not, answers 404 as if it did not exist.
"""

import datetime
from typing import Annotated

from django.core.exceptions import ValidationError
from ninja import Schema, Status
from ninja.errors import HttpError
from pydantic import AfterValidator, Field, StringConstraints

from eolc.accounts.models import JobRole
from eolc.action_plans import services
from eolc.action_plans.models import (
    MAX_ACTIONS,
    REMINDER_WEEK_CHOICES,
    PracticeCategory,
    StuckReason,
)
from eolc.action_plans.models import Status as ActionStatus
from eolc.api.errors import Router
from eolc.api.schemas import BodyIn, ErrorOut, Id, IntParam, IsoDate, Text, _without_nul, check_id
from eolc.programmes import access

router = Router(tags=["action plans"])


def _limited(length):
    return Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=length), AfterValidator(_without_nul)
    ]


Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_without_nul)
]
Description = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000), AfterValidator(_without_nul)
]
CATEGORIES = [value for value, _ in PracticeCategory.choices]
STATUSES = [value for value, _ in ActionStatus.choices]
STUCK_REASONS = [value for value, _ in StuckReason.choices]
WEEKS = [weeks for weeks, _ in REMINDER_WEEK_CHOICES]


# --- Schemas ---------------------------------------------------------------------------------


class ActionIn(BodyIn):
    description: Description
    due_date: IsoDate = Field(description="YYYY-MM-DD")
    partners: _limited(300) = Field("", description="Other roles or organisations, in words")
    partner_roles: list[Text] = Field([], max_length=50, description="Job role slugs")
    support_needed: _limited(1000) = ""
    barrier: _limited(300) = Field("", description="The barrier or key message it addresses")
    category: Text = Field("other", json_schema_extra={"enum": CATEGORIES})


class PlanIn(BodyIn):
    title: Title
    event: Id | None = Field(None, description="An event you had a place at (optional)")
    actions: list[ActionIn] = Field(min_length=1, max_length=MAX_ACTIONS)
    reminder_weeks: list[int] | None = Field(
        None, max_length=len(WEEKS), description=f"Weeks after writing, from {WEEKS}; default 2, 6, 12"
    )
    share_with_buddy: bool = False
    share_with_facilitators: bool = False


class ProgressIn(BodyIn):
    status: Text = Field(json_schema_extra={"enum": STATUSES})
    note: _limited(1000) = ""
    stuck_reasons: list[Text] = Field(
        [], max_length=len(STUCK_REASONS), description=f"When stuck: any of {STUCK_REASONS}"
    )
    stuck_other: _limited(300) = ""


class ActionOut(Schema):
    id: int
    position: int
    description: str
    due_date: datetime.date
    partners: str
    partner_roles: list[str]
    support_needed: str
    barrier: str
    category: str
    status: str
    completed_at: datetime.datetime | None


class PlanOut(Schema):
    id: int
    title: str
    event: int | None
    created_at: datetime.datetime
    closed_at: datetime.datetime | None
    reminder_weeks: list[int]
    share_with_buddy: bool
    share_with_facilitators: bool
    actions: list[ActionOut]


class ProgressOut(Schema):
    id: int
    action: int
    status: str
    note: str
    stuck_reasons: list[str]
    stuck_other: str
    created_at: datetime.datetime


# --- Helpers ---------------------------------------------------------------------------------


def _action_out(action):
    return {
        "id": action.pk,
        "position": action.position,
        "description": action.description,
        "due_date": action.due_date,
        "partners": action.partners,
        "partner_roles": sorted(role.slug for role in action.partner_roles.all()),
        "support_needed": action.support_needed,
        "barrier": action.barrier,
        "category": action.category,
        "status": action.status,
        "completed_at": action.completed_at,
    }


def _plan_out(plan):
    return {
        "id": plan.pk,
        "title": plan.title,
        "event": plan.event_id,
        "created_at": plan.created_at,
        "closed_at": plan.closed_at,
        "reminder_weeks": plan.reminder_weeks,
        "share_with_buddy": plan.share_with_buddy,
        "share_with_facilitators": plan.share_with_facilitators,
        "actions": [_action_out(action) for action in plan.actions.all()],
    }


def _own_plans(user):
    return access.own_action_plans(user).prefetch_related("actions__partner_roles")


def _action_fields(index, action: ActionIn) -> dict:
    where = f"actions[{index}]"
    if action.category not in CATEGORIES:
        raise HttpError(422, f"{where}.category: must be one of {', '.join(CATEGORIES)}")
    slugs = list(dict.fromkeys(action.partner_roles))
    roles = list(JobRole.objects.active().filter(slug__in=slugs))
    if len(roles) != len(slugs):
        unknown = sorted(set(slugs) - {role.slug for role in roles})[0]
        raise HttpError(422, f"{where}.partner_roles: {unknown!r} is not a known job role")
    return {
        "description": action.description,
        "due_date": action.due_date,
        "partners": action.partners,
        "partner_roles": roles,
        "support_needed": action.support_needed,
        "barrier": action.barrier,
        "category": action.category,
    }


# --- Endpoints -------------------------------------------------------------------------------


@router.get("/plans", response={200: list[PlanOut]}, summary="Your action plans, newest first")
def plan_list(request):
    return [_plan_out(plan) for plan in _own_plans(request.auth).newest_first()]


@router.post(
    "/plans",
    response={201: PlanOut, 404: ErrorOut},
    summary="Write an action plan of 1 to 5 actions, optionally for an event you had a place at",
)
def plan_create(request, payload: PlanIn):
    user = request.auth
    event = None
    if payload.event is not None:
        event = access.plan_events(user).filter(pk=payload.event).first()
        if event is None:
            raise HttpError(422, "event: you can only write a plan for an event you had a place at")
    if payload.reminder_weeks is not None and any(weeks not in WEEKS for weeks in payload.reminder_weeks):
        raise HttpError(422, f"reminder_weeks: choose from {WEEKS}")
    actions = [_action_fields(i, action) for i, action in enumerate(payload.actions)]
    try:
        plan = services.action_plan_create(
            owner=user,
            title=payload.title,
            event=event,
            actions=actions,
            reminder_weeks=payload.reminder_weeks,
            share_with_buddy=payload.share_with_buddy,
            share_with_facilitators=payload.share_with_facilitators,
        )
    except (services.PlanRefused, ValidationError) as exc:
        raise HttpError(422, "; ".join(getattr(exc, "messages", [str(exc)]))) from None
    return Status(201, _plan_out(_own_plans(user).get(pk=plan.pk)))


@router.get(
    "/plans/{plan_id}",
    response={200: PlanOut},
    summary="One of your plans",
)
def plan_detail(request, plan_id: IntParam):
    check_id(plan_id)
    access.get_own_action_plan_or_404(request.auth, plan_id)
    return _plan_out(_own_plans(request.auth).get(pk=plan_id))


@router.post(
    "/plans/{plan_id}/actions/{action_id}/progress",
    response={201: ProgressOut},
    summary="Say how an action is going: not_started, in_progress, done or stuck (with what got in the way)",
)
def progress_create(request, plan_id: IntParam, action_id: IntParam, payload: ProgressIn):
    check_id(plan_id), check_id(action_id)
    action = access.get_own_action_or_404(request.auth, action_id)
    if action.plan_id != plan_id:
        raise HttpError(404, "No such action in this plan")
    if payload.status not in STATUSES:
        raise HttpError(422, f"status: must be one of {', '.join(STATUSES)}")
    unknown = [reason for reason in payload.stuck_reasons if reason not in STUCK_REASONS]
    if unknown:
        raise HttpError(422, f"stuck_reasons: {unknown[0]!r} is not one of {', '.join(STUCK_REASONS)}")
    update = services.progress_update_create(
        action=action,
        status=payload.status,
        note=payload.note,
        stuck_reasons=payload.stuck_reasons,
        stuck_other=payload.stuck_other,
    )
    return Status(
        201,
        {
            "id": update.pk,
            "action": action.pk,
            "status": update.status,
            "note": update.note,
            "stuck_reasons": update.stuck_reasons,
            "stuck_other": update.stuck_other,
            "created_at": update.created_at,
        },
    )
