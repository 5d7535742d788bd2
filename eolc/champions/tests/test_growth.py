import pytest
from django.urls import reverse

from eolc.accounts.models import Area
from eolc.champions.growth import area_rows
from eolc.champions.models import Champion, ChampionStatus
from eolc.champions.tests.factories import ChampionFactory
from eolc.programmes.tests.factories import PhaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def phases(programme):
    one = PhaseFactory(programme=programme, name="Phase 1")
    one.target_areas.set(Area.objects.filter(code__in=["E09000012", "E09000007"]))
    two = PhaseFactory(programme=programme, name="Phase 2")
    two.target_areas.set(Area.objects.filter(code__in=["E09000003"]))
    return one, two


def test_counts_by_area_and_phase_with_gaps(network, phases):
    hackney = Area.objects.get(code="E09000012")
    barnet = Area.objects.get(code="E09000003")
    elsewhere = Area.objects.get(code="E09000030")
    ChampionFactory.create_batch(2, network=network, person__area=hackney)
    ChampionFactory(network=network, person__area=barnet, status=ChampionStatus.PENDING)
    ChampionFactory(network=network, person__area=elsewhere)
    rows = {
        (r.phase, r.area): (r.active, r.pending) for r in area_rows(network.programme, Champion.objects.all())
    }
    assert rows[("Phase 1", "Hackney")] == (2, 0)
    assert rows[("Phase 1", "Camden")] == (0, 0)
    assert rows[("Phase 2", "Barnet")] == (0, 1)
    assert rows[("Not a target area", "Tower Hamlets")] == (1, 0)


def test_growth_page_for_the_team_only(client, network, phases, people, champion):
    url = reverse("champions:growth", args=[network.programme.slug])
    for person, status in [(people.champion, 403), (people.learner, 403), (people.outsider, 404)]:
        client.force_login(person)
        assert client.get(url).status_code == status
    client.force_login(people.facilitator)
    page = client.get(url).content.decode()
    assert "Recruitment gaps" in page
    assert "<svg" in page and "<table" in page
    assert "Barnet (Phase 2)" in page
