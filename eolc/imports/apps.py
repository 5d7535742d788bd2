from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "eolc.imports"
    verbose_name = "Imports"

    def ready(self):
        from eolc.core import navigation
        from eolc.programmes import access

        navigation.register("Import", "imports:upload", order=85, visible=access.can_import)
