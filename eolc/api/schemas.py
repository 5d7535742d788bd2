from ninja import Schema
from pydantic import Field

from eolc.accounts.models import Sector
from eolc.accounts.reference_data import JOB_ROLES

SECTOR_SLUGS = [value for value, _ in Sector.choices]
JOB_ROLE_SLUGS = [slug for slug, _ in JOB_ROLES]


class ErrorOut(Schema):
    detail: str


class TokenIn(Schema):
    email: str = Field(max_length=254)
    password: str = Field(max_length=4096)


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


class PersonIn(Schema):
    email: str = Field(max_length=254, description="Email address; becomes the sign-in name")
    full_name: str = Field(min_length=1, max_length=150)
    sector: str = Field(json_schema_extra={"enum": SECTOR_SLUGS}, description="Sector slug")
    job_role: str | None = Field(
        None, json_schema_extra={"enum": [*JOB_ROLE_SLUGS, None]}, description="Job role slug (optional)"
    )
    area: int | str | None = Field(None, description="Area id, or its code such as E09000007 (optional)")
