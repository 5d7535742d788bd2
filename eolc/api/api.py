"""The JSON API at /api/v1/: a thin layer over each app's services and access checks."""

from allauth.account.adapter import get_adapter as get_account_adapter
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from ninja import NinjaAPI, Status
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle

from eolc.accounts import services as account_services
from eolc.accounts.models import Area, JobRole, Sector
from eolc.api import errors
from eolc.api.auth import BearerToken
from eolc.api.schemas import ErrorOut, PersonIn, PersonOut, TokenIn, TokenOut
from eolc.audit.models import Action
from eolc.audit.services import audit_record
from eolc.programmes import access

api = NinjaAPI(
    title="EoLC Together API",
    version="1",
    description="Programmes, people, learning and events for end-of-life care education. "
    "Get a token from POST /auth/token and send it as `Authorization: Bearer <token>`.",
    auth=BearerToken(),
    parser=errors.ObjectBodyParser(),
    default_router=errors.Router(),
    urls_namespace="api",
)
errors.install(api)


@api.post(
    "/auth/token",
    auth=None,
    response={200: TokenOut, 401: ErrorOut},
    throttle=[AnonRateThrottle("10/m")],
    summary="Exchange an email and password for a bearer token",
)
def token_create(request, payload: TokenIn):
    # allauth's adapter applies the same failed-attempt lockout per address as the sign-in form,
    # so the API is no way around it. Unknown and known addresses are counted alike.
    try:
        user = get_account_adapter(request).authenticate(
            request, email=payload.email.strip().lower(), password=payload.password
        )
    except ValidationError:
        return Status(429, {"detail": "Too many failed attempts for this address. Try again later."})
    # allauth hands back a closed account whose password matched (for its "inactive" page): refuse it.
    if user is None or not user.is_active:
        # The same reply for unknown accounts and wrong passwords.
        return Status(401, {"detail": "Email or password is not right"})
    token = account_services.api_token_issue(person=user)
    audit_record(actor=user, action=Action.TOKEN_ISSUED, target=user, request=request)
    return Status(200, {"token": token})


@api.get("/me", response={200: PersonOut}, summary="The signed-in person's profile")
def me(request):
    return request.auth


def _area_from(value):
    if value is None:
        return None
    lookup = {"pk": value} if isinstance(value, int) else {"code": value}
    area = Area.objects.places_people_work().filter(**lookup).first()
    if area is None:
        raise HttpError(422, f"area: no local authority or state matches {value!r}")
    return area


@api.post(
    "/people",
    response={201: PersonOut, 403: ErrorOut, 409: ErrorOut},
    summary="Create an account for someone (programme or site administrators)",
)
def person_create(request, payload: PersonIn):
    if not access.can_manage_people(request.auth):
        raise HttpError(403, "Only programme administrators can create people")
    try:
        validate_email(payload.email)
    except ValidationError:
        raise HttpError(422, "email: enter a valid email address") from None
    if payload.sector not in Sector.values:
        raise HttpError(422, f"sector: must be one of {', '.join(Sector.values)}")
    job_role = None
    if payload.job_role is not None:
        job_role = JobRole.objects.active().filter(slug=payload.job_role).first()
        if job_role is None:
            raise HttpError(422, f"job_role: {payload.job_role!r} is not a known job role")
    try:
        person = account_services.person_create(
            email=payload.email,
            full_name=payload.full_name,
            sector=payload.sector,
            job_role=job_role,
            area=_area_from(payload.area),
        )
    except account_services.PersonExists as exc:
        raise HttpError(409, str(exc)) from None
    return Status(201, person)


# Routers of the apps, each in its own module of this package.
from eolc.api.curriculum import router as curriculum_router  # noqa: E402

api.add_router("", curriculum_router)

from eolc.api.events import router as events_router  # noqa: E402

api.add_router("", events_router)

from eolc.api.allocation import router as allocation_router  # noqa: E402

api.add_router("", allocation_router)

from eolc.api.action_plans import router as action_plans_router  # noqa: E402

api.add_router("", action_plans_router)

from eolc.api.library import router as library_router  # noqa: E402

api.add_router("", library_router)
from eolc.api.champions import router as champions_router  # noqa: E402

api.add_router("", champions_router)

from eolc.api.reports import router as reports_router  # noqa: E402

api.add_router("", reports_router)
