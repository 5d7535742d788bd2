from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from eolc.curriculum.models import PartKind
from eolc.curriculum.tests.factories import PartFactory
from eolc.events.models import Series

URL = reverse("events:create_series")


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.django_db
def test_a_facilitator_sets_up_a_series_and_goes_on_to_schedule_its_first_session(people, programme):
    part = PartFactory(programme=programme, kind=PartKind.SERIES, ce_hours=Decimal("4.00"))
    client = signed_in(people.facilitator)
    response = client.post(
        URL,
        {"title": "Leading change", "programme": programme.pk, "part": part.pk, "capacity": "16"},
    )
    series = Series.objects.get(title="Leading change")
    assert (series.programme, series.part, series.capacity) == (programme, part, 16)
    assert response["Location"] == f"{reverse('events:create')}?series={series.pk}"
    form_page = client.get(response["Location"]).content.decode()
    assert f'<option value="{series.pk}" selected>' in form_page


@pytest.mark.django_db
def test_a_bad_series_keeps_what_was_typed_and_names_the_problem(people, programme, other_programme):
    other_part = PartFactory(programme=other_programme)
    response = signed_in(people.facilitator).post(
        URL, {"title": "Leading change", "programme": programme.pk, "part": other_part.pk, "capacity": "0"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'value="Leading change"' in page
    assert "Ensure this value is greater than or equal to 1" in page
    assert not Series.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("learner", 403), ("commissioner", 403), ("admin", 200)])
def test_only_people_who_run_events_can_set_up_a_series(people, role, status):
    assert signed_in(getattr(people, role)).get(URL).status_code == status


@pytest.mark.django_db
def test_a_series_cannot_be_set_up_in_a_programme_the_person_does_not_run(people, other_programme):
    response = signed_in(people.facilitator).post(
        URL, {"title": "Elsewhere", "programme": other_programme.pk, "capacity": "10"}
    )
    assert response.status_code == 200
    assert not Series.objects.exists()
