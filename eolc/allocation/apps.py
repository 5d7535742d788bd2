from django.apps import AppConfig


class AllocationConfig(AppConfig):
    name = "eolc.allocation"
    verbose_name = "Allocation"

    def ready(self):
        from eolc.core import navigation
        from eolc.programmes import access

        navigation.register("Mixed groups", "allocation:rounds", order=35, visible=access.can_schedule_events)
