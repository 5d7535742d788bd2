from django.apps import AppConfig


class CurriculumConfig(AppConfig):
    name = "eolc.curriculum"
    verbose_name = "Curriculum"

    def ready(self):
        from eolc.core import navigation
        from eolc.curriculum import outline

        navigation.register(
            "Learning", "curriculum:catalogue", order=30, visible=lambda user: user.is_authenticated
        )
        outline.connect()
