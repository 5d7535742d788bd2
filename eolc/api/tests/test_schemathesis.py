"""Schemathesis against the API's own schema, /api/v1/openapi.json, served in-process.

Every operation gets generated requests, valid and invalid, from nobody, a learner and a programme
administrator; each valid one is sent again with its ids pointing at real objects. Every answer must
be declared in the schema (status, content type, body shape) and none may be a 5xx. Bounded and
derandomised, so a run is quick and a failure comes back the same way.

Three phases: the schema's own examples, the coverage phase (each field's boundary values, each
constraint broken once, wrong types, methods a path does not have) and five fuzzed requests per
operation. The coverage phase is about 1,500 requests for each caller where the other phases send
under 200, so only the administrator sends them: nobody's would all be refused before validation
(the two public operations ignore the administrator's token, so they get them all the same), and
a learner's inputs are validated exactly as an administrator's, before any view runs. For all
three callers the coverage phase would add twice the time it does for one.
"""

import datetime
from types import SimpleNamespace

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.generation.meta import TestPhase
from schemathesis.specs.openapi.checks import positive_data_acceptance

from conftest import make_people
from eolc.accounts.services import api_token_issue
from eolc.action_plans.tests.factories import make_plan
from eolc.allocation import services as allocation_services
from eolc.curriculum import services as curriculum_services
from eolc.curriculum.models import CompletionSource
from eolc.curriculum.tests.factories import PartFactory
from eolc.events.tests.factories import EventFactory, RegistrationFactory, in_days
from eolc.library.tests.factories import ResourceFactory
from eolc.programmes.tests.factories import ProgrammeFactory
from eolc.wsgi import application

# A query parameter the API does not know is ignored, as HTTP APIs do (a cache buster, a tracking
# tag), so a request with one is not a request the API should refuse.
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json",
    application,
    config=schemathesis.Config.from_dict({"generation": {"allow-extra-parameters": False}}),
)


@pytest.fixture(autouse=True)
def connection_kept_between_requests():
    """The WSGI handler closes the database connection around each request, as it should when
    serving; here that connection holds the test's transaction (Django's test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The people, their API tokens and one of each thing an id in a path can name, made once.

    Made as TestCase.setUpTestData does: in a transaction rolled back after the module's last test,
    each test's own transaction nested inside it. Every request's writes roll back too, so no test
    sees another's; building all this for each of the ~90 tests was a third of their time.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            programme = ProgrammeFactory(title="North London working together")
            people = make_people(programme, ProgrammeFactory(title="Another programme"))
        tokens = {role: api_token_issue(person=getattr(people, role)) for role in ("learner", "admin")}
        yield SimpleNamespace(objects=_objects(people, programme), tokens=tokens)
        transaction.set_rollback(True)


def _objects(people, programme):
    """One of each thing an id in a path can name, belonging to the learner and the programme."""
    part = PartFactory(programme=programme)
    completion = curriculum_services.part_complete(
        person=people.learner, part=part, on=datetime.date.today(), source=CompletionSource.IMPORTED
    )
    event = EventFactory(programme=programme, starts_at=in_days(-2))
    registration = RegistrationFactory(event=event, person=people.learner)
    plan = make_plan(people.learner, event=event)
    request_round = allocation_services.round_for_events(events=[event], by=people.admin)
    allocation = allocation_services.allocation_create(request_round=request_round, queue=False)
    return {
        "programme_id": programme.pk,
        "slug": programme.slug,
        "part_id": part.pk,
        "person_id": people.learner.pk,
        "code": completion.certificate.code,
        "event_id": event.pk,
        "registration_id": registration.pk,
        "allocation_id": allocation.pk,
        "plan_id": plan.pk,
        "action_id": plan.actions.first().pk,
        "resource_id": ResourceFactory().pk,
    }


@pytest.fixture
def objects(world):
    return world.objects


@pytest.fixture(params=["nobody", "learner", "admin"])
def caller(request):
    return request.param


@pytest.fixture
def headers(caller, world):
    if caller == "nobody":
        return {}
    return {"Authorization": f"Bearer {world.tokens[caller]}"}


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_is_declared_and_none_is_a_server_error(case, caller, headers, objects):
    if case.meta.phase.name is TestPhase.COVERAGE and caller != "admin":
        return  # see the module's docstring
    positive = case.meta.generation.mode is GenerationMode.POSITIVE
    call_and_validate(case, headers)
    if positive and case.path_parameters:
        # Generated ids rarely name anything, so the same request again at real objects.
        case.path_parameters = {
            name: objects.get(name, value) for name, value in case.path_parameters.items()
        }
        call_and_validate(case, headers)


def call_and_validate(case, headers):
    """Each request's writes roll back, so one cannot change what the next one finds.

    Every check runs but one: a request the schema allows may still be refused with a declared 422
    for a rule no schema can say (a plan only for an event you had a place at, an address allauth
    would not send mail to), so "every valid request succeeds" does not hold here.
    """
    with transaction.atomic():
        case.call_and_validate(
            headers=headers,
            excluded_checks=[positive_data_acceptance],
            # As gunicorn passes it; allauth refuses a sign-in it cannot tie to an address.
            environ_base={"REMOTE_ADDR": "203.0.113.7"},
        )
        transaction.set_rollback(True)
