import datetime
import re
from typing import Annotated

from django.http import Http404
from ninja import Schema
from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
    WrapValidator,
)
from pydantic_core import PydanticCustomError

from eolc.accounts.models import Sector
from eolc.accounts.reference_data import JOB_ROLES

SECTOR_SLUGS = [value for value, _ in Sector.choices]
JOB_ROLE_SLUGS = [slug for slug, _ in JOB_ROLES]


def _without_nul(value: str) -> str:
    """PostgreSQL cannot store or even compare text containing NUL, so it never reaches a query."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


Text = Annotated[str, AfterValidator(_without_nul)]
Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_without_nul)
]

# Ids beyond a 64-bit integer cannot exist; refusing them early keeps the database from erroring.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


_DIGITS = re.compile(r"-?[0-9]+")


def _digits_only(value):
    """Pydantic reads the text "5.0", " 5" and "1_000" as the integer 5; a query or path says 5."""
    if isinstance(value, str) and not _DIGITS.fullmatch(value):
        raise PydanticCustomError("int_parsing", "Input should be a valid integer")
    return value


def int_param(**constraints):
    """A whole number in a query or path, where every value arrives as text. Request bodies need no
    such type: they are strict (BodyIn), so an `int` field there takes a JSON integer and nothing else.
    The constraints (ge, le) go on the number itself, so that the schema shows them as such."""
    return Annotated[int, Field(**constraints), BeforeValidator(_digits_only)]


IntParam = int_param()


def check_id(value: int) -> int:
    """A path id no row can have is simply not found."""
    if not 1 <= value <= MAX_ID:
        raise Http404("No such object")
    return value


def _iso_text(what):
    """Pydantic reads a number, or text that is one, as seconds since 1970: `"starts_at": 0` would
    schedule an event in 1970. Dates and times arrive as ISO 8601 text only."""

    def check(value):
        if not isinstance(value, str) or value.strip().lstrip("+-").replace(".", "", 1).isdigit():
            raise ValueError(f"must be an ISO 8601 {what}")
        return value

    return BeforeValidator(check)


def one_of(values):
    """Text that must be one of `values`, listed as the schema's enum and checked, not only listed."""

    def check(value):
        if value not in values:
            raise ValueError(f"must be one of {', '.join(repr(v) for v in values)}")
        return value

    return Annotated[str, AfterValidator(check), Field(json_schema_extra={"enum": list(values)})]


# Strict(False): in a strict body (BodyIn) a date would otherwise have to be a Python date, not text.
IsoDate = Annotated[datetime.date, _iso_text("date, e.g. 2027-03-17"), Strict(False)]
IsoDateTime = Annotated[
    datetime.datetime, _iso_text("date and time, e.g. 2027-03-17T09:30:00+00:00"), Strict(False)
]


def _id_or_code(value, handler):
    """One sentence instead of pydantic's report on each member of the union."""
    try:
        return handler(value)
    except ValidationError:
        raise PydanticCustomError("id_or_code", "must be an id (a whole number) or a code (text)") from None


IdOrCode = Annotated[int | Text, WrapValidator(_id_or_code)]


class BodyIn(Schema):
    """A JSON request body. JSON already says what type each value is, so the body is validated
    strictly: pydantic on its own would take "5" or 5.0 for a whole number and "true" or 1 for
    true, and a client's mistake would pass as something it did not send."""

    model_config = ConfigDict(strict=True)


class ErrorOut(Schema):
    detail: str


class TokenIn(BodyIn):
    email: Text = Field(max_length=254)
    password: Text = Field(max_length=4096)


class TokenOut(Schema):
    token: str


class AreaOut(Schema):
    id: int
    code: str
    name: str
    kind: str


class PersonOut(Schema):
    id: int
    email: str
    full_name: str
    sector: str
    job_role: str | None = Field(None, description="Job role slug")
    work_setting: str
    area: AreaOut | None = None
    time_zone: str

    @staticmethod
    def resolve_job_role(obj):
        return obj.job_role.slug if obj.job_role_id else None


class PersonIn(BodyIn):
    email: Text = Field(max_length=254, description="Email address; becomes the sign-in name")
    full_name: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=150),
        AfterValidator(_without_nul),
    ]
    sector: Text = Field(json_schema_extra={"enum": SECTOR_SLUGS}, description="Sector slug")
    job_role: Text | None = Field(
        None,
        json_schema_extra={"enum": [*JOB_ROLE_SLUGS, None]},
        description="Job role slug (optional)",
    )
    area: IdOrCode | None = Field(None, description="Area id, or its code such as E09000007 (optional)")
