from django.apps import AppConfig


class ActionPlansConfig(AppConfig):
    name = "eolc.action_plans"
    verbose_name = "Action plans"

    def ready(self):
        from eolc.action_plans.presenters import event_page_links
        from eolc.core import navigation
        from eolc.events import links

        links.register(event_page_links)

        navigation.register(
            "Action plans", "action_plans:mine", order=40, visible=lambda user: user.is_authenticated
        )
