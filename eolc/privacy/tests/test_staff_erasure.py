"""Staff erase someone from the people list: a confirmation, the erasure, the audit record, and who may."""

import pytest
from django.test import Client
from django.urls import reverse

from eolc.accounts.tests.factories import UserFactory
from eolc.audit.models import Action, AuditEvent
from eolc.privacy.models import Erasure
from eolc.privacy.services import ERASED_NAME
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def member(programme, role=Role.LEARNER, **fields):
    person = UserFactory(**fields)
    MembershipFactory(programme=programme, person=person, role=role)
    return person


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def erase_url(person):
    return reverse("privacy:erase_person", args=[person.pk])


def test_a_programme_admin_erases_a_learner_after_confirming(people, programme):
    learner = member(programme, full_name="Ada Lovelace")
    client = signed_in(people.admin)

    page = client.get(erase_url(learner)).content.decode()
    assert "Erase Ada Lovelace" in page and "This cannot be undone" in page
    assert AuditEvent.objects.by_action(Action.PERSONAL_DATA_VIEWED).filter(actor=people.admin).exists()

    refused = client.post(erase_url(learner), {"reason": "asked"})
    assert refused.status_code == 200 and "Tick the box to confirm the erasure" in refused.content.decode()
    learner.refresh_from_db()
    assert learner.full_name == "Ada Lovelace" and not Erasure.objects.filter(person=learner).exists()

    done = client.post(erase_url(learner), {"reason": "asked", "confirm": "on"})
    assert done.status_code == 302 and done.url == reverse("programmes:people")
    learner.refresh_from_db()
    assert learner.full_name == ERASED_NAME and not learner.is_active
    assert Erasure.objects.get(person=learner).erased_by == people.admin
    record = AuditEvent.objects.by_action(Action.ERASED).get(target=f"accounts.user:{learner.pk}")
    assert record.actor == people.admin and record.detail == {"grounds": "asked"}
    # Erased people cannot be erased twice.
    assert client.get(erase_url(learner)).status_code == 404


def test_a_programme_admin_may_only_erase_people_nobody_else_works_with(people, programme, other_programme):
    client = signed_in(people.admin)
    also_elsewhere = member(programme)
    MembershipFactory(programme=other_programme, person=also_elsewhere, role=Role.LEARNER)
    staff = member(programme, role=Role.FACILITATOR)
    for person in (also_elsewhere, staff, people.admin, people.site_admin, people.outsider):
        assert client.get(erase_url(person)).status_code == 404, person
        assert client.post(erase_url(person), {"reason": "asked", "confirm": "on"}).status_code == 404
    assert not Erasure.objects.exists()
    assert signed_in(people.other_admin).get(erase_url(people.learner)).status_code == 404
    assert signed_in(people.facilitator).get(erase_url(people.learner)).status_code == 403


def test_a_site_admin_may_erase_anyone_but_site_admins(people, programme, other_programme):
    client = signed_in(people.site_admin)
    also_elsewhere = member(programme)
    MembershipFactory(programme=other_programme, person=also_elsewhere, role=Role.LEARNER)
    for person in (also_elsewhere, people.facilitator, people.outsider):
        assert client.get(erase_url(person)).status_code == 200
    other_site_admin = UserFactory(is_staff=True, is_superuser=True)
    assert client.get(erase_url(other_site_admin)).status_code == 404
    assert client.get(erase_url(people.site_admin)).status_code == 404


def test_the_people_list_links_to_erasure_only_where_it_is_allowed(people, programme):
    page = signed_in(people.admin).get(reverse("programmes:people")).content.decode()
    assert erase_url(people.learner) in page
    assert erase_url(people.facilitator) not in page and erase_url(people.admin) not in page
