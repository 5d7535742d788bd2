"""Another person's registration, action plan, survey invitation or certificate is not there (issue 11).

For each page and API operation that takes such an object's id, a signed-in learner of the same
programme and the administrator of another programme get 404, and the answer says nothing about
the object: not its owner's name or email, not its title or code. The access table checks the
status for every role; this also reads what comes back. The staff pages about a registration
are asked through the other administrator's own event, so the event check passes and only the
registration's can refuse (a learner runs no event: those pages refuse them 403 before any
registration is looked up, whatever its id, as the access table shows). Reflections have no
address of their own: each person's reflections PDF holds their own only
(`eolc/curriculum/tests/test_learning_views.py`).
"""

import datetime

import pytest
from django.urls import reverse

from eolc.accounts.services import api_token_issue
from eolc.action_plans.tests.factories import make_plan
from eolc.curriculum import services as curriculum_services
from eolc.curriculum.models import CompletionSource
from eolc.curriculum.tests.factories import PartFactory
from eolc.evaluation.tests.factories import ScheduleFactory, SurveyFactory, sent_invitation
from eolc.events.tests.factories import EventFactory, RegistrationFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned(people, programme, other_programme):
    """The learner's objects, and an event of the other programme that its administrator runs."""
    learner = people.learner
    learner.full_name = "Rosalind Quayle"
    learner.save()
    event = EventFactory(programme=programme, starts_at=in_days(-2))
    registration = RegistrationFactory(event=event, person=learner)
    plan = make_plan(learner, event=event, title="Visit the Marigold hospice")
    completion = curriculum_services.part_complete(
        person=learner,
        part=PartFactory(programme=programme),
        on=datetime.date.today(),
        source=CompletionSource.IMPORTED,
    )
    survey = SurveyFactory(programme=programme, title="How was the session?")
    invitation = sent_invitation(ScheduleFactory(survey=survey, event=event), event, learner)
    return {
        "registration": registration,
        "plan": plan,
        "certificate": completion.certificate,
        "invitation": invitation,
        "other_event": EventFactory(programme=other_programme, created_by=people.other_admin),
    }


def pages(o, who):
    """(kind, method, url) for each page that takes the id of one of the learner's objects."""
    registration, plan, code = o["registration"].pk, o["plan"].pk, o["certificate"].code
    action = o["plan"].actions.get().pk
    theirs = o["other_event"].pk
    staff = [
        ("registration", "post", reverse("events:remove_registration", args=[theirs, registration])),
        ("registration", "get", reverse("events:move_registration", args=[theirs, registration])),
        ("registration", "post", reverse("events:mark_attendance", args=[theirs, registration])),
    ]
    return (staff if who == "other_admin" else []) + [
        ("action plan", "get", reverse("action_plans:detail", args=[plan])),
        ("action plan", "get", reverse("action_plans:pdf", args=[plan])),
        ("action plan", "post", reverse("action_plans:share", args=[plan])),
        ("action plan", "post", reverse("action_plans:close", args=[plan])),
        ("action plan", "get", reverse("action_plans:update", args=[action])),
        ("survey answer", "get", reverse("evaluation:answer", args=[o["invitation"].pk])),
        ("survey answer", "post", reverse("evaluation:answer", args=[o["invitation"].pk])),
        ("certificate", "get", reverse("curriculum:certificate_pdf", args=[code])),
        ("certificate", "get", reverse("curriculum:person_transcript", args=[o["registration"].person_id])),
        ("certificate", "get", reverse("curriculum:certificate_revoke", args=[code])),
        ("certificate", "post", reverse("curriculum:certificate_revoke", args=[code])),
    ]


def api_operations(o, learner):
    plan, action = o["plan"].pk, o["plan"].actions.get().pk
    return [
        ("registration", "delete", f"/api/v1/registrations/{o['registration'].pk}", None),
        ("action plan", "get", f"/api/v1/plans/{plan}", None),
        ("action plan", "post", f"/api/v1/plans/{plan}/actions/{action}/progress", {"status": "done"}),
        ("certificate", "get", f"/api/v1/people/{learner.pk}/transcript", None),
    ]


def secrets(o, learner):
    return [learner.full_name, learner.email, o["plan"].title, o["certificate"].code]


@pytest.mark.parametrize("who", ["champion", "other_admin"])
def test_another_persons_objects_are_404_on_every_page(client, people, owned, who):
    client.force_login(getattr(people, who))
    for kind, method, url in pages(owned, who):
        response = getattr(client, method)(url)
        assert response.status_code == 404, (kind, method, url, response.status_code)
        body = response.content.decode()
        for secret in secrets(owned, people.learner):
            assert secret not in body, (kind, url, secret)
    assert owned["registration"].__class__.objects.get(pk=owned["registration"].pk).status == "confirmed"
    assert owned["plan"].__class__.objects.get(pk=owned["plan"].pk).closed_at is None
    assert not owned["certificate"].__class__.objects.get(pk=owned["certificate"].pk).revoked_at


@pytest.mark.parametrize("who", ["champion", "other_admin"])
def test_another_persons_objects_are_404_in_the_api(client, people, owned, who):
    headers = {"authorization": f"Bearer {api_token_issue(person=getattr(people, who))}"}
    for kind, method, url, body in api_operations(owned, people.learner):
        kwargs = {"headers": headers}
        if body is not None:
            kwargs.update(data=body, content_type="application/json")
        response = getattr(client, method)(url, **kwargs)
        assert response.status_code == 404, (kind, method, url, response.status_code)
        assert response.json() == {"detail": "Not found"}
    assert owned["registration"].__class__.objects.get(pk=owned["registration"].pk).status == "confirmed"


def test_the_owner_reaches_each_of_them(client, people, owned):
    """The same addresses work for the learner, so the 404s above are about who asks."""
    client.force_login(people.learner)
    for url in (
        reverse("action_plans:detail", args=[owned["plan"].pk]),
        reverse("evaluation:answer", args=[owned["invitation"].pk]),
        reverse("curriculum:certificate_pdf", args=[owned["certificate"].code]),
    ):
        assert client.get(url).status_code == 200, url
    headers = {"authorization": f"Bearer {api_token_issue(person=people.learner)}"}
    assert client.get(f"/api/v1/plans/{owned['plan'].pk}", headers=headers).status_code == 200
    assert client.get(f"/api/v1/people/{people.learner.pk}/transcript", headers=headers).status_code == 200
    client.force_login(people.other_admin)
    theirs = RegistrationFactory(event=owned["other_event"])
    url = reverse("events:move_registration", args=[owned["other_event"].pk, theirs.pk])
    assert client.get(url).status_code == 200
