"""Curriculum endpoints: programmes and parts, completions, enrolments, transcripts, certificates.

A thin layer over `eolc.curriculum.services` and `eolc.programmes.access`. Hours travel as
exact decimal strings ("12.50"), never as floats.
"""

import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Schema, Status
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle
from pydantic import Field

from eolc.api.errors import Router
from eolc.api.schemas import BodyIn, ErrorOut, Id, IntParam, IsoDate, Text, Title, check_id
from eolc.audit.models import Action
from eolc.audit.services import audit_record
from eolc.curriculum import services
from eolc.curriculum.models import CompletionSource, PartKind
from eolc.curriculum.models import Status as PublishStatus
from eolc.curriculum.presenters import certificate_facts
from eolc.curriculum.transcript import hours_text, transcript_for
from eolc.programmes import access
from eolc.programmes.services import programme_create as programme_create_service

router = Router(tags=["curriculum"])

KIND_SLUGS = [value for value, _ in PartKind.choices]


def _first_message(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        field, messages = next(iter(exc.message_dict.items()))
        return f"{field}: {messages[0]}" if field != "__all__" else messages[0]
    return exc.messages[0]


# --- Schemas ---------------------------------------------------------------------------------


class ProgrammeIn(BodyIn):
    title: Annotated[Title, Field(description="The programme's title")]
    summary: Text = Field("", max_length=5000)


class ProgrammeOut(Schema):
    id: int
    title: str
    slug: str
    summary: str


class PartIn(BodyIn):
    title: Title
    kind: Text = Field(json_schema_extra={"enum": KIND_SLUGS}, description="Part kind slug")
    ce_hours: Text = Field(description='Exact decimal hours as a string, e.g. "8.0"', max_length=20)
    requires: list[Id] = Field(
        default_factory=list, max_length=50, description="Ids of parts to complete first"
    )
    summary: Text = Field("", max_length=5000)
    status: Text = Field(
        "published", json_schema_extra={"enum": ["draft", "published"]}, description="Draft parts are hidden"
    )


class PartOut(Schema):
    id: int
    programme: int
    title: str
    kind: str
    status: str
    ce_hours: str
    requires: list[int]

    @staticmethod
    def resolve_programme(obj):
        return obj.programme_id

    @staticmethod
    def resolve_ce_hours(obj):
        return hours_text(obj.ce_hours)

    @staticmethod
    def resolve_requires(obj):
        return sorted(obj.requires.values_list("pk", flat=True))


class PersonRef(BodyIn):
    person: Id


class CompletionIn(PersonRef):
    completed_on: IsoDate | None = Field(None, description="Defaults to today")


class EnrolmentIn(BodyIn):
    person: Id | None = Field(None, description="Staff: whom to enrol. Leave out to enrol yourself.")


class CompletionOut(Schema):
    id: int
    person: int
    part: int
    ce_hours: str
    completed_on: datetime.date
    certificate_code: str | None


class EnrolmentOut(Schema):
    id: int
    person: int
    part: int
    enrolled_at: datetime.datetime


class TranscriptEntryOut(Schema):
    part: int
    part_title: str
    programme: str
    ce_hours: str
    completed_on: datetime.date
    certificate_code: str | None
    credits: list[dict]


class TranscriptOut(Schema):
    person: int
    total_ce_hours: str
    totals_by_scheme: dict[str, str]
    entries: list[TranscriptEntryOut]


class CertificateOut(Schema):
    code: str
    valid: bool
    name: str
    programme: str
    part: str
    completed_on: datetime.date
    ce_hours: str
    credits: list[dict]
    verification_url: str


# --- Helpers ---------------------------------------------------------------------------------


def _hours(value: str) -> Decimal:
    try:
        hours = Decimal(value.strip())
    except (InvalidOperation, AttributeError):
        raise HttpError(422, 'ce_hours: must be a decimal number of hours such as "8.0"') from None
    if not hours.is_finite() or hours < 0:
        raise HttpError(422, "ce_hours: must be zero or more")
    if hours != hours.quantize(Decimal("0.01")):
        raise HttpError(422, "ce_hours: at most two decimal places")
    if hours >= Decimal("10000"):
        raise HttpError(422, "ce_hours: must be less than 10000")
    return hours.quantize(Decimal("0.01"))


def _completion_out(completion) -> dict:
    certificate = getattr(completion, "certificate", None)
    return {
        "id": completion.pk,
        "person": completion.person_id,
        "part": completion.part_id,
        "ce_hours": hours_text(completion.ce_hours),
        "completed_on": completion.completed_on,
        "certificate_code": certificate.code if certificate else None,
    }


def _credits(credits) -> list[dict]:
    return [{"scheme": c.scheme, "category": c.category, "hours": hours_text(c.hours)} for c in credits]


# --- Endpoints -------------------------------------------------------------------------------


@router.post(
    "/programmes",
    response={201: ProgrammeOut, 403: ErrorOut},
    summary="Create a programme (site or programme administrators); you become its administrator",
)
def programme_create(request, payload: ProgrammeIn):
    if not access.can_manage_people(request.auth):
        raise HttpError(403, "Only programme administrators can create programmes")
    programme = programme_create_service(
        title=payload.title, summary=payload.summary, created_by=request.auth
    )
    return Status(201, programme)


@router.post(
    "/programmes/{programme_id}/parts",
    response={201: PartOut, 403: ErrorOut},
    summary="Add a part to a programme (its administrators)",
)
def part_create(request, programme_id: IntParam, payload: PartIn):
    programme = get_object_or_404(access.programmes_for(request.auth), pk=check_id(programme_id))
    if not access.can_manage_programme(request.auth, programme):
        raise HttpError(403, "Only administrators of this programme can add parts")
    if payload.kind not in KIND_SLUGS:
        raise HttpError(422, f"kind: must be one of {', '.join(KIND_SLUGS)}")
    if payload.status not in PublishStatus.values:
        raise HttpError(422, "status: must be draft or published")
    hours = _hours(payload.ce_hours)
    requires = list(programme.parts.filter(pk__in=payload.requires))
    unknown = sorted(set(payload.requires) - {p.pk for p in requires})
    if unknown:
        raise HttpError(422, f"requires: no part {unknown[0]} in this programme")
    try:
        part = services.part_create(
            programme=programme,
            title=payload.title,
            kind=payload.kind,
            ce_hours=hours,
            requires=requires,
            summary=payload.summary,
            status=payload.status,
        )
    except ValidationError as exc:
        raise HttpError(422, _first_message(exc)) from None
    return Status(201, part)


@router.post(
    "/parts/{part_id}/completions",
    response={200: CompletionOut, 201: CompletionOut, 403: ErrorOut},
    summary="Record that a person completed a part, e.g. imported from another learning system",
)
def completion_create(request, part_id: IntParam, payload: CompletionIn):
    part = access.get_part_or_404(request.auth, check_id(part_id))
    if not access.can_manage_part(request.auth, part):
        raise HttpError(403, "Only administrators of this programme can record completions")
    try:
        person = access.get_enrollable_person_or_404(request.auth, part, payload.person)
    except Http404:
        raise HttpError(422, f"person: no member of this programme has id {payload.person}") from None
    on = payload.completed_on or timezone.localdate()
    if on > timezone.localdate():
        raise HttpError(422, "completed_on: cannot be in the future")
    existed = part.completions.filter(person=person).exists()
    completion = services.part_complete(
        person=person, part=part, on=on, source=CompletionSource.IMPORTED, recorded_by=request.auth
    )
    return Status(200 if existed else 201, _completion_out(completion))


@router.post(
    "/parts/{part_id}/enrolments",
    response={201: EnrolmentOut, 403: ErrorOut, 409: ErrorOut},
    summary="Enrol yourself (empty body) or, as staff, someone else; 409 names a missing prerequisite",
)
def enrolment_create(request, part_id: IntParam, payload: EnrolmentIn):
    part = access.get_part_or_404(request.auth, check_id(part_id))
    if payload.person is None or payload.person == request.auth.pk:
        person = request.auth
    else:
        if not access.can_enrol_others(request.auth, part):
            raise HttpError(403, "Only administrators of this programme can enrol other people")
        try:
            person = access.get_enrollable_person_or_404(request.auth, part, payload.person)
        except Http404:
            raise HttpError(422, f"person: no member of this programme has id {payload.person}") from None
    try:
        enrolment = services.enrolment_create(
            person=person, part=part, enrolled_by=request.auth if person != request.auth else None
        )
    except services.PrerequisitesMissing as exc:
        raise HttpError(409, f"requires: {exc} (part {', '.join(str(p.pk) for p in exc.missing)})") from None
    return Status(
        201,
        {
            "id": enrolment.pk,
            "person": enrolment.person_id,
            "part": enrolment.part_id,
            "enrolled_at": enrolment.enrolled_at,
        },
    )


@router.get(
    "/people/{person_id}/transcript",
    response={200: TranscriptOut},
    summary="A person's CE/CPD transcript (the person, or administrators of their programmes)",
)
def transcript(request, person_id: IntParam):
    person = access.get_person_record_or_404(request.auth, check_id(person_id))
    if person.pk != request.auth.pk:
        audit_record(actor=request.auth, action=Action.PERSONAL_DATA_VIEWED, target=person, request=request)
    record = transcript_for(person)
    return {
        "person": person.pk,
        "total_ce_hours": hours_text(record.total),
        "totals_by_scheme": {scheme: hours_text(hours) for scheme, hours in record.by_scheme.items()},
        "entries": [
            {
                "part": entry.completion.part_id,
                "part_title": entry.completion.part.title,
                "programme": entry.completion.part.programme.title,
                "ce_hours": hours_text(entry.completion.ce_hours),
                "completed_on": entry.completion.completed_on,
                "certificate_code": entry.certificate.code if entry.certificate else None,
                "credits": _credits(entry.credits),
            }
            for entry in record.entries
        ],
    }


@router.get(
    "/certificates/{code}",
    auth=None,
    response={200: CertificateOut},
    throttle=[AnonRateThrottle("60/m")],
    summary="Verify a certificate by its code (public): the facts the verification page shows",
)
def certificate_verify(request, code: str):
    return certificate_facts(request, access.get_verifiable_certificate_or_404(code))
