from django.apps import AppConfig


class ActionPlansConfig(AppConfig):
    name = "eolc.action_plans"
    verbose_name = "Action plans"

    def ready(self):
        from eolc.core import navigation

        navigation.register(
            "Action plans", "action_plans:mine", order=40, visible=lambda user: user.is_authenticated
        )
