"""Champions network endpoints: the directory and a champion's own consent ledger.

A thin layer over `eolc.champions.services` and `eolc.programmes.access`. The directory returns
only what each champion shares with the caller right now (read from the ledger on every request);
responses are never cached.
"""

import datetime
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from ninja import Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from eolc.accounts.models import Area, JobRole, Sector
from eolc.api.errors import Router
from eolc.api.schemas import BodyIn, ErrorOut, Text, int_param
from eolc.champions import presenters, services
from eolc.champions.models import Audience, ConsentField, ConsentMethod
from eolc.curriculum.models import Domain
from eolc.programmes import access

router = Router(tags=["champions"])


class ChampionOut(Schema):
    id: int
    programme: str = Field(description="Programme slug")
    name: str
    area: str
    sector: str
    role: str
    interests: list[str]
    email: str | None = Field(None, description="Only when the champion shares it with you")
    phone: str | None = None
    organisation: str | None = None
    job_title: str | None = None
    bio: str | None = None
    accepts_messages: bool


class ConsentIn(BodyIn):
    field: Text = Field(json_schema_extra={"enum": ConsentField.values})
    audience: Text = Field(json_schema_extra={"enum": Audience.values})
    granted: bool
    programme: Text | None = Field(None, description="Programme slug; needed if you are in several networks")


class ConsentOut(Schema):
    field: str
    audience: str
    granted: bool
    wording_version: str
    wording: str
    method: str
    recorded_at: datetime.datetime


def _no_store(response):
    response["Cache-Control"] = "private, no-store"


def _networks(user, programme):
    networks = access.network_programmes_for(user).filter(champion_network__isnull=False)
    if programme:
        network = access.get_network_or_404(user, programme)
        return [network]
    if not networks.exists():
        raise PermissionDenied("The champions directory is open to champions and programme teams")
    return [access.get_network_or_404(user, slug) for slug in networks.values_list("slug", flat=True)]


def _row(champion, slug) -> dict:
    facts = presenters.public_facts(champion)
    shared = presenters.shared_details(champion)
    return {
        "id": champion.pk,
        "programme": slug,
        **facts,
        **{field: shared.get(field) for field in presenters.SHARED_FIELD_NAMES},
        "accepts_messages": presenters.accepts_messages(champion),
    }


@router.get(
    "/champions",
    response={200: list[ChampionOut], 403: ErrorOut, 404: ErrorOut},
    summary="Active champions of your networks, with only the details each shares with you",
)
def champion_list(
    request,
    response: HttpResponse,
    programme: Text | None = None,
    area: Text | None = None,
    sector: Text | None = None,
    role: Text | None = None,
    interest: Text | None = None,
    q: Annotated[Text | None, Field(max_length=100)] = None,
    limit: int_param(ge=1, le=500) = 100,
    offset: int_param(ge=0, le=1_000_000) = 0,
):
    _no_store(response)
    user = request.auth
    if sector and sector not in Sector.values:
        raise HttpError(422, f"sector: must be one of {', '.join(Sector.values)}")
    rows = []
    for network in _networks(user, programme):
        champions = access.directory_champions_for(user, network)
        if area:
            lookup = {"pk": int(area)} if area.isdigit() and len(area) < 19 else {"code": area}
            found = Area.objects.filter(**lookup).first()
            if found is None:
                raise HttpError(422, f"area: no area matches {area!r}")
            champions = champions.in_area(found)
        if sector:
            champions = champions.in_sector(sector)
        if role:
            champions = champions.with_job_role(_by_slug(JobRole.objects.active(), role, "role"))
        if interest:
            champions = champions.interested_in(_by_slug(Domain.objects.all(), interest, "interest"))
        champions = champions.search(q).directory_order().prefetch_related("interests")
        rows.extend(_row(champion, network.programme.slug) for champion in champions)
    return rows[offset : offset + limit]


def _by_slug(queryset, slug, name):
    found = queryset.filter(slug=slug).first()
    if found is None:
        raise HttpError(422, f"{name}: {slug!r} is not known")
    return found


def _own_champion(user, programme):
    if programme:
        return access.get_own_champion_or_404(user, programme)
    mine = list(access.own_championships(user)[:2])
    if not mine:
        raise Http404("You are not a champion")
    if len(mine) > 1:
        raise HttpError(422, "programme: you are a champion in several programmes; say which one")
    return mine[0]


def _consent_out(record) -> dict:
    return {
        "field": record.field,
        "audience": record.audience,
        "granted": record.granted,
        "wording_version": record.wording_version,
        "wording": record.wording,
        "method": record.method,
        "recorded_at": record.recorded_at,
    }


@router.post(
    "/champions/me/consents",
    response={201: ConsentOut, 404: ErrorOut},
    summary="Give or withdraw consent to share one detail with one audience",
)
def consent_create(request, payload: ConsentIn):
    champion = _own_champion(request.auth, payload.programme)
    try:
        record = services.consent_record(
            champion=champion,
            field=payload.field,
            audience=payload.audience,
            granted=payload.granted,
            method=ConsentMethod.API,
            by=request.auth,
        )
    except ValidationError as exc:
        detail = "; ".join(f"{key}: {' '.join(value)}" for key, value in exc.message_dict.items())
        raise HttpError(422, detail) from None
    return Status(201, _consent_out(record))


@router.get(
    "/champions/me/consents",
    response={200: list[ConsentOut], 404: ErrorOut},
    summary="Your consent history, newest first (the first row per field and audience is in force)",
)
def consent_history(request, response: HttpResponse, programme: Text | None = None):
    _no_store(response)
    champion = _own_champion(request.auth, programme)
    return [_consent_out(record) for record in champion.consents.newest_first()]
