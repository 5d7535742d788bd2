import pytest
from django.utils import timezone

from eolc.champions import services
from eolc.champions.models import Champion, ChampionStatus
from eolc.demo import content

pytestmark = pytest.mark.django_db


def test_the_demo_network_has_champions_across_boroughs_with_mixed_consents():
    champions = Champion.objects.filter(network__programme__slug=content.LONDON)
    active = champions.filter(status=ChampionStatus.ACTIVE)
    assert active.count() >= 15
    assert champions.filter(status=ChampionStatus.PENDING).exists()
    assert active.values("person__area").distinct().count() >= 5
    email_shared = [services.consent_state(c)[("email", "champions")] for c in active]
    assert any(email_shared) and not all(email_shared)
    assert active.filter(person__email="champion@example.org").exists()
    london = active.first().network
    assert london.threads.count() >= 3
    open_now = london.programme.consultations.open_on(timezone.localdate())
    assert open_now.count() == 1
    assert open_now.get().responses.exists()
