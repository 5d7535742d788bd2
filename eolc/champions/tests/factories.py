import factory
from factory.django import DjangoModelFactory

from eolc.accounts.tests.factories import UserFactory
from eolc.champions.models import Champion, ChampionStatus, Network
from eolc.programmes.tests.factories import ProgrammeFactory


class NetworkFactory(DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ["programme"]

    programme = factory.SubFactory(ProgrammeFactory)


class ChampionFactory(DjangoModelFactory):
    class Meta:
        model = Champion

    network = factory.SubFactory(NetworkFactory)
    person = factory.SubFactory(UserFactory)
    status = ChampionStatus.ACTIVE
    motivations = factory.LazyFunction(lambda: ["enthusiasm"])
