from django.apps import AppConfig


class ScenariosConfig(AppConfig):
    name = "eolc.scenarios"
    verbose_name = "Interactive scenarios"

    def ready(self):
        from eolc.core import navigation

        navigation.register(
            "Scenarios", "scenarios:catalogue", order=47, visible=lambda user: user.is_authenticated
        )
