from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "eolc.library"
    verbose_name = "Library"

    def ready(self):
        from eolc.core import navigation
        from eolc.programmes import access

        navigation.register("Library", "library:index", order=40, visible=lambda user: user.is_authenticated)
        navigation.register("Trainer pack", "library:trainer_pack", order=45, visible=access.is_trainer)
