"""Library endpoints: searching resources, and delivered-session records for reporting.

A thin layer over `eolc.library.services` and `eolc.programmes.access`. Files are never sent
here: each resource names the download address, which checks access itself.
"""

import datetime
from typing import Annotated

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from eolc.accounts.models import Area, Sector
from eolc.api.errors import Router
from eolc.api.schemas import BodyIn, ErrorOut, Id, IntParam, IsoDate, Text, check_id
from eolc.library import services
from eolc.library.models import Audience, ResourceKind
from eolc.programmes import access

router = Router(tags=["library"])

PAGE_LIMIT = 50


class ResourceFilters(Schema):
    q: Text = Field("", max_length=200, description="Words to find in the title, summary, body or transcript")
    kind: Text = Field("", json_schema_extra={"enum": ["", *ResourceKind.values]})
    audience: Text = Field("", json_schema_extra={"enum": ["", *Audience.values]})
    offset: IntParam = Field(0, ge=0, le=100_000)


class ResourceOut(Schema):
    id: int
    title: str
    kind: str
    summary: str
    status: str
    programme: str | None
    audiences: list[str]
    domains: list[str]
    roles: list[str]
    licence: str
    content_warning: str
    version: str
    review_date: datetime.date | None
    download_count: int
    file_name: str
    download_url: str | None
    url: str


class ResourcePage(Schema):
    count: int
    results: list[ResourceOut]


def _resource_out(resource) -> dict:
    return {
        "id": resource.pk,
        "title": resource.title,
        "kind": resource.kind,
        "summary": resource.summary,
        "status": resource.status,
        "programme": resource.programme.slug if resource.programme else None,
        "audiences": [value for value in Audience.values if getattr(resource, f"for_{value}")],
        "domains": [domain.slug for domain in resource.domains.all()],
        "roles": [role.slug for role in resource.roles.all()],
        "licence": resource.licence,
        "content_warning": resource.content_warning,
        "version": resource.version,
        "review_date": resource.review_date,
        "download_count": resource.download_count,
        "file_name": resource.file_name,
        "download_url": reverse("library:download", args=[resource.pk]) if resource.file else None,
        "url": resource.url,
    }


@router.get(
    "/library/resources",
    response={200: ResourcePage},
    summary="Resources the caller may see, best match first when searching",
)
def resource_list(request, filters: Query[ResourceFilters]):
    if filters.kind and filters.kind not in ResourceKind.values:
        raise HttpError(422, f"kind: unknown kind {filters.kind!r}")
    if filters.audience and filters.audience not in Audience.values:
        raise HttpError(422, f"audience: unknown audience {filters.audience!r}")
    resources = access.resources_for(request.auth)
    if filters.kind:
        resources = resources.of_kind(filters.kind)
    if filters.audience:
        resources = resources.for_audience(filters.audience)
    resources = resources.search(filters.q).select_related("programme").prefetch_related("domains", "roles")
    page = resources[filters.offset : filters.offset + PAGE_LIMIT]
    return {"count": resources.count(), "results": [_resource_out(r) for r in page]}


@router.get(
    "/library/resources/{resource_id}",
    response={200: ResourceOut},
    summary="One resource",
)
def resource_detail(request, resource_id: IntParam):
    check_id(resource_id)
    return _resource_out(access.get_resource_or_404(request.auth, resource_id))


# --- Delivered sessions -------------------------------------------------------------------------


class DeliveredSessionIn(BodyIn):
    programme: Text = Field(max_length=200, description="The programme's slug")
    delivered_on: IsoDate
    area: Text = Field(max_length=20, description="Local authority or state code")
    venue: Text = Field("", max_length=200)
    plan: Id | None = Field(None, description="Id of the session plan used")
    attendees: dict[str, Annotated[int, Field(ge=0, le=500)]] = Field(
        description="People who came, by sector slug", json_schema_extra={"example": {"health": 6}}
    )


class DeliveredSessionOut(Schema):
    id: int
    programme: str
    trainer: str
    delivered_on: datetime.date
    area: str
    venue: str
    plan: int | None
    attendees: dict[str, int]
    total: int


class DeliveredSummaryOut(Schema):
    sessions: list[DeliveredSessionOut]
    totals_by_sector: dict[str, int]
    total: int


def _session_out(session) -> dict:
    return {
        "id": session.pk,
        "programme": session.programme.slug,
        "trainer": session.trainer.full_name or session.trainer.email,
        "delivered_on": session.delivered_on,
        "area": session.area.code,
        "venue": session.venue,
        "plan": session.plan_id,
        "attendees": session.attendees_by_sector,
        "total": session.total_attendees,
    }


@router.get(
    "/library/delivered-sessions",
    response={200: DeliveredSummaryOut, 404: ErrorOut},
    summary="Delivered sessions the caller may see, with attendees by sector",
)
def delivered_session_list(request, programme: Text = ""):
    sessions = access.delivered_sessions_for(request.auth)
    if programme:
        sessions = sessions.for_programme(access.get_programme_or_404(request.auth, programme))
    return {
        "sessions": [_session_out(s) for s in sessions.select_related("programme", "trainer", "area")],
        "totals_by_sector": sessions.totals_by_sector(),
        "total": sessions.total_attendees(),
    }


@router.post(
    "/library/delivered-sessions",
    response={201: DeliveredSessionOut, 403: ErrorOut, 404: ErrorOut},
    summary="Record a learning session run outside the platform's events (trainers)",
)
def delivered_session_create(request, payload: DeliveredSessionIn):
    user = request.auth
    programme = access.get_programme_or_404(user, payload.programme)
    if not access.library_programmes_for(user).filter(pk=programme.pk).exists():
        raise HttpError(403, "Only the programme's trainers and administrators can record sessions.")
    unknown = set(payload.attendees) - set(Sector.values)
    if unknown:
        raise HttpError(422, f"attendees: unknown sector {sorted(unknown)[0]!r}")
    if payload.delivered_on > timezone.localdate():
        raise HttpError(422, "delivered_on: the date must be today or in the past")
    area = Area.objects.places_people_work().filter(code=payload.area).first()
    if area is None:
        raise HttpError(422, f"area: no local authority or state matches {payload.area!r}")
    plan = None
    if payload.plan is not None:
        plan = access.get_session_plan_or_404(user, payload.plan)
        if plan.programme_id != programme.pk:
            raise HttpError(422, "plan: choose a session plan from the same programme")
    try:
        session = services.delivered_session_record(
            trainer=user,
            programme=programme,
            delivered_on=payload.delivered_on,
            area=area,
            plan=plan,
            venue=payload.venue,
            attendees=payload.attendees,
        )
    except ValidationError as exc:
        raise HttpError(422, f"attendees: {exc.messages[0]}") from None
    return Status(201, _session_out(session))
