"""Fields nobody may set through a form or the API are ignored when sent: staff flags, owners, credit."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from eolc.accounts.models import User
from eolc.accounts.services import api_token_issue
from eolc.action_plans.models import ActionPlan
from eolc.curriculum.models import Completion
from eolc.curriculum.tests.factories import PartFactory
from eolc.events.models import Registration
from eolc.events.tests.factories import EventFactory

ESCALATION = {"is_staff": "on", "is_superuser": "on", "is_active": "on", "email": "taken-over@example.org"}


@pytest.mark.django_db
def test_the_profile_form_ignores_staff_flags_and_the_sign_in_address(people):
    learner = people.learner
    client = Client()
    client.force_login(learner)
    response = client.post(
        reverse("accounts:profile_edit"),
        {
            "full_name": "New Name",
            "sector": learner.sector,
            "job_role": learner.job_role_id,
            "area": learner.area_id,
            "time_zone": "Europe/London",
            **ESCALATION,
        },
    )
    assert response.status_code in {200, 302}
    learner.refresh_from_db()
    assert not learner.is_staff and not learner.is_superuser
    assert learner.email != "taken-over@example.org"


@pytest.mark.django_db
def test_the_api_ignores_extra_fields_that_would_raise_privileges(people):
    client = Client(HTTP_AUTHORIZATION=f"Bearer {api_token_issue(person=people.admin)}")
    response = client.post(
        "/api/v1/people",
        json.dumps({"email": "new@example.org", "full_name": "New", "sector": "health", "is_staff": True}),
        content_type="application/json",
    )
    assert response.status_code == 201
    assert not User.objects.get(email="new@example.org").is_staff


@pytest.mark.django_db
def test_a_learner_cannot_register_someone_else_or_set_their_own_credit(people, programme):
    event = EventFactory(programme=programme)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {api_token_issue(person=people.learner)}")
    response = client.post(
        f"/api/v1/events/{event.pk}/registrations",
        json.dumps({"person": people.champion.pk}),
        content_type="application/json",
    )
    assert response.status_code in {403, 404}
    assert not Registration.objects.filter(person=people.champion).exists()
    part = PartFactory(programme=programme)
    response = client.post(
        f"/api/v1/parts/{part.pk}/completions",
        json.dumps({"person": people.learner.pk, "ce_hours": "99.0"}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Completion.objects.filter(person=people.learner).exists()


@pytest.mark.django_db
def test_a_new_plan_always_belongs_to_whoever_made_it(people):
    client = Client()
    client.force_login(people.learner)
    client.post(
        reverse("action_plans:create"),
        {
            "title": "Meet the hospice team",
            "owner": people.champion.pk,
            "reminder_weeks": ["2"],
            "actions-TOTAL_FORMS": "1",
            "actions-INITIAL_FORMS": "0",
            "actions-0-description": "Book a meeting",
            "actions-0-due_date": "2030-01-01",
            "actions-0-category": "other",
        },
    )
    assert ActionPlan.objects.filter(owner=people.learner, title="Meet the hospice team").exists()
    assert not ActionPlan.objects.filter(owner=people.champion).exists()
