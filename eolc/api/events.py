"""Event endpoints: schedule events, list and read them, register, cancel and record attendance.

A thin layer over `eolc.events.services` and `eolc.programmes.access`. Times are ISO 8601 with an
offset; they are stored in UTC and returned in UTC.
"""

import datetime
import zoneinfo
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.db.models import Count, Min
from django.db.models.functions import Coalesce
from ninja import Query, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import Field

from eolc.accounts.models import Area
from eolc.api.errors import Router
from eolc.api.pages import cached_pages
from eolc.api.schemas import (
    MAX_ID,
    BodyIn,
    ErrorOut,
    Id,
    IdOrCode,
    IntParam,
    IsoDateTime,
    Text,
    Title,
    check_id,
)
from eolc.core.stamps import Stamp
from eolc.events import calendar_cache, services
from eolc.events.models import EventKind, EventStatus
from eolc.programmes import access

router = Router(tags=["events"])
# Moved by changes to who sees which events (eolc/api/apps.py): a cached list's scopes follow it.
SCOPE_STAMP = Stamp("api:events:scopes")

KIND_SLUGS = [value for value, _ in EventKind.choices]


# --- Schemas ---------------------------------------------------------------------------------


class EventIn(BodyIn):
    title: Title
    kind: Text = Field(json_schema_extra={"enum": KIND_SLUGS}, description="Kind slug")
    starts_at: IsoDateTime = Field(description="ISO 8601 with an offset, e.g. 2027-03-17T09:30:00+00:00")
    ends_at: IsoDateTime = Field(description="ISO 8601 with an offset; after starts_at")
    capacity: int = Field(ge=1, le=100_000, description="Places")
    online: bool = False
    area: IdOrCode | None = Field(None, description="Area id or code (optional)")
    part: Id | None = Field(None, description="Curriculum part id the event counts towards (optional)")
    programme: Id | None = Field(None, description="Programme id (optional when the part or your role says)")
    status: Literal["published", "draft"] = "published"
    description: Text = Field("", max_length=10_000)
    joining_link: Text = Field("", max_length=200, description="Shown only to confirmed attendees")
    venue_name: Text = Field("", max_length=200)
    venue_address: Text = Field("", max_length=2000)
    time_zone: Text | None = Field(None, max_length=64, description="IANA zone the event happens in")


class EventSummaryOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    capacity: int
    online: bool
    area: int | None
    part: int | None
    programme: int | None
    confirmed_count: int
    waitlisted_count: int


class EventOut(EventSummaryOut):
    sector_mix: dict[str, int] = Field(description="Confirmed registrations by sector slug")
    joining_link: str | None = Field(None, description="Only for confirmed attendees and organisers")


class RegistrationIn(BodyIn):
    person: Id | None = Field(None, description="Someone else's id (organisers only); omit for yourself")
    access_needs: Text = Field("", max_length=2000)
    hopes: Text = Field("", max_length=2000)


class RegistrationOut(Schema):
    id: int
    status: str
    event: int
    person: int


class AttendanceIn(BodyIn):
    person: Id
    attended: bool


class AttendanceOut(Schema):
    event: int
    person: int
    attended: bool


def _utc(value: datetime.datetime, field: str) -> datetime.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise HttpError(422, f"{field}: include a UTC offset, for example 2027-03-17T09:30:00+00:00")
    return value.astimezone(datetime.UTC)


def _summary(event, **extra) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "kind": event.kind,
        "status": event.status,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "time_zone": event.time_zone,
        "capacity": event.places,
        "online": event.online,
        "area": event.area_id,
        "part": event.part_id,
        "programme": event.programme_id,
        "confirmed_count": event.confirmed_count,
        "waitlisted_count": event.waitlisted_count,
        **extra,
    }


def _area(value):
    if value is None:
        return None
    lookup = {"pk": value} if isinstance(value, int) else {"code": value}
    area = Area.objects.filter(**lookup).first() if (not isinstance(value, int) or value <= MAX_ID) else None
    if area is None:
        raise HttpError(422, f"area: no area matches {value!r}")
    return area


def _programme_and_part(user, payload):
    programmes = access.event_programmes_for(user)
    part = None
    if payload.part is not None:
        part = access.parts_for(user).filter(programme__in=programmes, pk=payload.part).first()
        if part is None:
            raise HttpError(422, f"part: no part {payload.part} in a programme where you run events")
    if payload.programme is not None:
        programme = programmes.filter(pk=payload.programme).first()
        if programme is None:
            raise HttpError(422, f"programme: you do not run events in programme {payload.programme}")
        if part is not None and part.programme_id != programme.pk:
            raise HttpError(422, "part: belongs to a different programme")
        return programme, part
    if part is not None:
        return part.programme, part
    if user.is_site_admin:
        return None, None
    mine = list(programmes[:2])
    if len(mine) == 1:
        return mine[0], None
    raise HttpError(422, "programme: is required because you run events in more than one programme")


# --- Endpoints -------------------------------------------------------------------------------


@router.post(
    "/events",
    response={201: EventOut, 403: ErrorOut},
    summary="Schedule an event (facilitators and programme administrators)",
)
def event_create(request, payload: EventIn):
    user = request.auth
    if not access.can_schedule_events(user):
        raise HttpError(403, "Only facilitators and programme administrators can schedule events")
    if payload.kind not in KIND_SLUGS:
        raise HttpError(422, f"kind: must be one of {', '.join(KIND_SLUGS)}")
    starts_at, ends_at = _utc(payload.starts_at, "starts_at"), _utc(payload.ends_at, "ends_at")
    if ends_at <= starts_at:
        raise HttpError(422, "ends_at: must be after starts_at")
    zone = payload.time_zone or user.time_zone
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise HttpError(422, f"time_zone: {zone!r} is not a known time zone") from None
    programme, part = _programme_and_part(user, payload)
    try:
        event = services.event_create(
            created_by=user,
            facilitators=[user],
            title=payload.title,
            kind=payload.kind,
            status=EventStatus(payload.status),
            description=payload.description,
            starts_at=starts_at,
            ends_at=ends_at,
            time_zone=zone,
            capacity=payload.capacity,
            online=payload.online,
            joining_link=payload.joining_link,
            venue_name=payload.venue_name,
            venue_address=payload.venue_address,
            area=_area(payload.area),
            programme=programme,
            part=part,
        )
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise HttpError(422, f"{field}: {messages[0]}") from None
    event = access.events_for(user).with_place_counts().get(pk=event.pk)
    return Status(201, _detail(user, event))


def _detail(user, event) -> dict:
    confirmed = access.registrations_for(user).for_event(event).confirmed()
    can_see_link = access.can_manage_event(user, event) or confirmed.filter(person=user).exists()
    return _summary(
        event,
        sector_mix=services.sector_mix(event=event),
        joining_link=event.joining_link if can_see_link and event.online else None,
    )


PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class EventPages(LimitOffsetPagination):
    """`limit` events (default 50, at most 500) from `offset`, with the `count` of all that match."""

    class Input(Schema):
        limit: IntParam = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Events per page (default 50)")
        offset: IntParam = Field(
            0, ge=0, description="Events to skip: the next page starts at offset + limit"
        )

    class Output(Schema):
        items: list[EventSummaryOut]
        count: int = Field(description="Events matching the filters, over all pages")

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        """The page, and until when it is right (see eolc.api.pages)."""
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page["fresh_until"] = queryset.fresh_until
        return page


# The columns of each summary (what `_summary` reads from an event), in the schema's order: the list
# reads rows, so a page builds no events and no series for their places.
_RENAMED = {"capacity": "places", "area": "area_id", "part": "part_id", "programme": "programme_id"}
_SUMMARY_COLUMNS = {name: _RENAMED.get(name, name) for name in EventSummaryOut.model_fields}


class _Summaries:
    """A queryset whose slices are event summaries: only the page asked for is built.

    For upcoming events, counting them also finds the soonest end: when that passes, the event
    drops out and the page changes, so a cached page is right until then (`fresh_until`)."""

    def __init__(self, events, *, upcoming):
        self.events = events
        self.upcoming = upcoming
        self.fresh_until = None

    def __getitem__(self, window):
        rows = (
            self.events.with_place_counts()
            .chronological()
            .annotate(places=Coalesce("series__capacity", "capacity"))
            .values_list(*_SUMMARY_COLUMNS.values())[window]
        )
        return [dict(zip(_SUMMARY_COLUMNS, row, strict=True)) for row in rows]

    def __len__(self):
        if not self.upcoming:
            return self.events.count()
        found = self.events.aggregate(count=Count("pk"), soonest_end=Min("ends_at"))
        self.fresh_until = found["soonest_end"]
        return found["count"]


@router.get(
    "/events",
    response={200: list[EventSummaryOut]},
    summary="Events you can see, starting between `from` and `to` (default: from now), a page at a time",
    description="Paged: `limit` (default 50, at most 500) and `offset`; the answer has `items` and `count`.",
)
@cached_pages(
    stamps=(calendar_cache.STAMP, calendar_cache.PLACES_STAMP),
    scope=access.events_scope,
    scope_stamp=SCOPE_STAMP,
)
@paginate(EventPages)
def event_list(
    request,
    from_: Annotated[IsoDateTime | None, Query(alias="from")] = None,
    to: IsoDateTime | None = None,
    kind: Text | None = None,
    area: Text | None = None,
    **kwargs,
):
    events = access.events_for(request.auth)
    start = _as_utc(from_) if from_ else None
    end = _as_utc(to) if to else None
    if start and end and end <= start:
        raise HttpError(422, "to: must be after from")
    events = events.between(start, end) if (start or end) else events.upcoming()
    if kind:
        if kind not in KIND_SLUGS:
            raise HttpError(422, f"kind: must be one of {', '.join(KIND_SLUGS)}")
        events = events.of_kind(kind)
    if area:
        events = events.in_area(_area(int(area) if area.isdigit() and len(area) < 19 else area))
    return _Summaries(events, upcoming=not (start or end))


def _as_utc(value: datetime.datetime) -> datetime.datetime:
    """A time without an offset in a query is taken as UTC."""
    return value.replace(tzinfo=datetime.UTC) if value.tzinfo is None else value.astimezone(datetime.UTC)


@router.get(
    "/events/{event_id}",
    response={200: EventOut},
    summary="One event with its counts and sector mix",
)
def event_detail(request, event_id: IntParam):
    check_id(event_id)
    event = access.get_event_or_404(request.auth, event_id)
    event = access.events_for(request.auth).with_place_counts().get(pk=event.pk)
    return _detail(request.auth, event)


@router.post(
    "/events/{event_id}/registrations",
    response={200: RegistrationOut, 201: RegistrationOut, 403: ErrorOut, 409: ErrorOut},
    summary='Register yourself (`{}`) or, as an organiser, someone else (`{"person": id}`)',
)
def registration_create(request, event_id: IntParam, payload: RegistrationIn):
    check_id(event_id)
    user = request.auth
    event = access.get_event_or_404(user, event_id)
    person = user
    if payload.person is not None and payload.person != user.pk:
        person = access.get_bookable_person_or_404(user, event, payload.person)
    on_behalf = person.pk != user.pk
    try:
        registration, created = services.registration_create(
            event=event,
            person=person,
            registered_by=user if on_behalf else None,
            access_needs=payload.access_needs,
            hopes=payload.hopes,
            enforce_window=not on_behalf,
        )
    except services.RegistrationRefused as exc:
        raise HttpError(409, str(exc)) from None
    body = {"id": registration.pk, "status": registration.status, "event": event.pk, "person": person.pk}
    return Status(201 if created else 200, body)


@router.delete(
    "/registrations/{registration_id}",
    response={204: None},
    summary="Cancel a registration; the first person waiting gets the place",
)
def registration_delete(request, registration_id: IntParam):
    check_id(registration_id)
    registration = access.get_registration_or_404(request.auth, registration_id)
    services.registration_cancel(registration=registration, by=request.auth)
    return Status(204, None)


@router.post(
    "/events/{event_id}/attendance",
    response={200: AttendanceOut, 403: ErrorOut, 409: ErrorOut},
    summary="Mark a confirmed person attended or absent (organisers)",
)
def attendance_record(request, event_id: IntParam, payload: AttendanceIn):
    check_id(event_id)
    user = request.auth
    event = access.get_managed_event_or_404(user, event_id)
    registration = (
        access.registrations_for(user).for_event(event).confirmed().filter(person_id=payload.person).first()
    )
    if registration is None:
        raise HttpError(409, f"person: {payload.person} does not have a confirmed place at this event")
    services.attendance_record(event=event, person=registration.person, attended=payload.attended, by=user)
    return {"event": event.pk, "person": registration.person_id, "attended": payload.attended}
