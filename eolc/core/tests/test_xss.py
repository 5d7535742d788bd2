"""Script typed into free-text fields comes out as text wherever it is shown."""

import pytest
from django.test import Client
from django.urls import reverse

from eolc.core.tests.xss import PAYLOADS, assert_inert


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_name_is_inert_in_the_people_list_and_the_transcript(people, programme, payload):
    people.learner.full_name = payload
    people.learner.save(update_fields=["full_name"])
    client = Client()
    client.force_login(people.admin)
    assert_inert(client.get(reverse("programmes:people")).content.decode(), payload)
    assert_inert(
        client.get(reverse("curriculum:person_transcript", args=[people.learner.pk])).content.decode(),
        payload,
    )
