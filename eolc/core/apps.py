from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "eolc.core"
    verbose_name = "Core"

    def ready(self):
        from eolc.core import navigation

        navigation.register("Home", "core:home", order=0, visible=lambda user: not user.is_authenticated)
