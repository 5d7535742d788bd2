import datetime
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from eolc.accounts import services as account_services
from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.action_plans.models import Action as PlanAction
from eolc.action_plans.tests.factories import make_plan
from eolc.audit.models import Action, AuditEvent
from eolc.curriculum import services as curriculum_services
from eolc.curriculum.models import Completion, CompletionSource, Reflection
from eolc.curriculum.tests.factories import PartFactory
from eolc.events.models import Registration
from eolc.events.tests.factories import EventFactory, RegistrationFactory
from eolc.privacy import services
from eolc.privacy.models import Erasure

STORY = "Mrs Khan's daughter said the night nurse made all the difference."


@pytest.fixture
def history(people, programme):
    """The learner's data across apps, and someone else's beside it."""
    learner = people.learner
    part = PartFactory(programme=programme)
    completion = curriculum_services.part_complete(
        person=learner, part=part, on=datetime.date(2026, 10, 1), source=CompletionSource.IMPORTED
    )
    curriculum_services.reflection_add(person=learner, part=part, text=STORY)
    curriculum_services.part_complete(
        person=people.champion, part=part, on=datetime.date(2026, 10, 1), source=CompletionSource.IMPORTED
    )
    curriculum_services.reflection_add(person=people.champion, part=part, text="Someone else's reflection")
    event = EventFactory(programme=programme)
    RegistrationFactory(
        event=event, person=learner, access_needs="Step-free access", hopes="Meet the hospice team"
    )
    RegistrationFactory(event=event, person=people.champion)
    plan = make_plan(learner, event=event, title="Talk to the care home manager")
    return {"part": part, "completion": completion, "event": event, "plan": plan}


def _zip(body):
    archive = zipfile.ZipFile(io.BytesIO(body))
    return archive, json.loads(archive.read("data.json"))


@pytest.mark.django_db
def test_a_person_downloads_all_their_data_as_json_and_csv(people, history):
    client = Client()
    client.force_login(people.learner)
    response = client.get(reverse("privacy:download"))
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive, data = _zip(response.content)
    assert data["accounts.User"][0]["email"] == people.learner.email
    assert [r["text"] for r in data["curriculum.Reflection"]] == [STORY]
    assert data["events.Registration"][0]["access_needs"] == "Step-free access"
    assert data["action_plans.ActionPlan"][0]["title"] == "Talk to the care home manager"
    assert len(data["action_plans.Action"]) == 1
    assert data["curriculum.Certificate"][0]["code"] == history["completion"].certificate.code
    assert "Someone else's reflection" not in json.dumps(data)
    names = archive.namelist()
    assert "curriculum-reflection.csv" in names and "events-registration.csv" in names
    assert STORY in archive.read("curriculum-reflection.csv").decode()
    assert AuditEvent.objects.filter(action=Action.DATA_DOWNLOADED, actor=people.learner).exists()


@pytest.mark.django_db
def test_the_my_data_page_says_what_the_download_holds(people, history):
    client = Client()
    client.force_login(people.learner)
    page = client.get(reverse("privacy:my_data"))
    kinds = {row["kind"]: row["count"] for row in page.context["summary"]}
    assert kinds["Reflections"] == 1
    assert reverse("privacy:download") in page.content.decode()


@pytest.mark.django_db
def test_erasure_anonymises_the_person_everywhere_but_keeps_the_counts(people, history):
    learner = people.learner
    registrations_before = Registration.objects.filter(event=history["event"]).count()
    services.person_erase(person=learner, by=people.site_admin)
    learner.refresh_from_db()
    assert learner.full_name == services.ERASED_NAME
    assert learner.email == f"erased-{learner.pk}@erased.invalid"
    assert not learner.is_active and not learner.has_usable_password()
    # Counts stay the same...
    assert Registration.objects.filter(event=history["event"]).count() == registrations_before
    assert Completion.objects.filter(part=history["part"]).count() == 2
    assert Reflection.objects.filter(part=history["part"]).count() == 2
    # ...but what they wrote is gone.
    assert Reflection.objects.get(person=learner).text == ""
    registration = Registration.objects.get(person=learner)
    assert registration.access_needs == registration.hopes == ""
    assert PlanAction.objects.get(plan=history["plan"]).description == ""
    assert Reflection.objects.get(person=people.champion).text == "Someone else's reflection"
    assert Erasure.objects.get(person=learner).erased_by == people.site_admin
    event = AuditEvent.objects.get(action=Action.ERASED)
    assert event.target == f"accounts.user:{learner.pk}" and STORY not in str(event.detail)
    # Nothing left to sign in with.
    assert (
        Client()
        .post(reverse("account_login"), {"login": learner.email, "password": TEST_PASSWORD})
        .status_code
        == 200
    )
    assert not learner.emailaddress_set.exists()


@pytest.mark.django_db
def test_the_public_certificate_check_no_longer_names_an_erased_person(people, history):
    services.person_erase(person=people.learner)
    code = history["completion"].certificate.code
    page = Client().get(reverse("curriculum:verify", args=[code])).content.decode()
    assert services.ERASED_NAME in page


@pytest.mark.django_db
def test_retention_erases_closed_accounts_after_the_grace_period_only(settings, people):
    settings.PRIVACY_ERASE_AFTER_DAYS = 30
    long_ago, recently = UserFactory(), UserFactory()
    account_services.deletion_request(person=long_ago)
    account_services.deletion_request(person=recently)
    long_ago.deletion_requested_at = timezone.now() - datetime.timedelta(days=31)
    long_ago.save(update_fields=["deletion_requested_at"])
    call_command("privacy_retention")
    long_ago.refresh_from_db()
    recently.refresh_from_db()
    assert long_ago.full_name == services.ERASED_NAME
    assert recently.full_name != services.ERASED_NAME
    assert people.learner.full_name != services.ERASED_NAME
    call_command("privacy_retention")  # a second run finds nothing more to do
    assert Erasure.objects.count() == 1


@pytest.mark.django_db
def test_the_privacy_notice_is_public_and_linked_from_every_page(client):
    page = client.get(reverse("privacy:notice"))
    assert page.status_code == 200
    assert "Your rights" in page.content.decode()
    assert reverse("privacy:notice") in client.get(reverse("core:home")).content.decode()
