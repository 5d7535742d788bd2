from django.apps import AppConfig


class CurriculumConfig(AppConfig):
    name = "eolc.curriculum"
    verbose_name = "Curriculum"

    def ready(self):
        from eolc.core import navigation
        from eolc.curriculum import outline, progress
        from eolc.curriculum.models import ActivityProgress, Completion, Enrolment

        navigation.register(
            "Learning", "curriculum:catalogue", order=30, visible=lambda user: user.is_authenticated
        )
        outline.connect()
        progress.RECORD_STAMP.follow(ActivityProgress, Enrolment, Completion)
