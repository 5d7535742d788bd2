from django.apps import AppConfig


class CurriculumConfig(AppConfig):
    name = "eolc.curriculum"
    verbose_name = "Curriculum"
