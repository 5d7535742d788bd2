from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "eolc.mentoring"
    verbose_name = "Mentoring"

    def ready(self):
        from eolc.core import navigation

        navigation.register(
            "Mentoring", "mentoring:home", order=45, visible=lambda user: user.is_authenticated
        )
