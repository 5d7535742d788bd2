import pytest
from django.test import Client


def menu_for(person):
    client = Client()
    client.force_login(person)
    return client.get("/dashboard/").context["nav_items"]


@pytest.mark.django_db
def test_people_who_run_events_find_mixed_group_rounds_in_the_menu(people):
    assert "Mixed groups" in [item["text"] for item in menu_for(people.facilitator)]
    assert "Mixed groups" not in [item["text"] for item in menu_for(people.learner)]
