from django.apps import AppConfig


class ChampionsConfig(AppConfig):
    name = "eolc.champions"
    verbose_name = "Champions network"

    def ready(self):
        from eolc.champions.models import Champion, Network
        from eolc.core import navigation
        from eolc.programmes import access

        navigation.depends_on(Network, Champion)

        navigation.register(
            "Champions", "champions:index", order=45, visible=access.can_open_champion_networks
        )
