import pytest
from django.core.cache import cache

from eolc.champions import services
from eolc.champions.models import Audience, ChampionStatus, ConsentField, ConsentMethod
from eolc.champions.tests.factories import ChampionFactory, NetworkFactory
from eolc.programmes.models import Membership, Role


@pytest.fixture(autouse=True)
def empty_cache(db):
    cache.clear()


@pytest.fixture
def immediate_tasks(settings):
    """Run background tasks in-process, so a test sees the email a task sends."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def network(programme):
    return NetworkFactory(programme=programme)


@pytest.fixture
def champion(network, people):
    """The `people.champion` member as an active champion of the network."""
    return ChampionFactory(network=network, person=people.champion, status=ChampionStatus.ACTIVE)


def share(champion, field, audience=Audience.CHAMPIONS, granted=True):
    return services.consent_record(
        champion=champion,
        field=field,
        audience=audience,
        granted=granted,
        method=ConsentMethod.WEB,
        by=champion.person,
    )


@pytest.fixture
def sharer(network):
    """Another active champion who shares their email and accepts messages."""
    other = ChampionFactory(network=network, person__full_name="Olu Adeyemi", bio="Hospice nurse in Hackney")
    Membership.objects.create(programme=network.programme, person=other.person, role=Role.CHAMPION)
    share(other, ConsentField.EMAIL)
    share(other, ConsentField.BIO)
    share(other, ConsentField.MESSAGES)
    return other
