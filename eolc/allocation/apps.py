from django.apps import AppConfig


class AllocationConfig(AppConfig):
    name = "eolc.allocation"
    verbose_name = "Allocation"

    def ready(self):
        from eolc.allocation.models import RequestRound
        from eolc.allocation.presenters import ROUNDS_STAMP, event_page_links
        from eolc.core import navigation
        from eolc.events import links
        from eolc.programmes import access

        links.register(event_page_links)
        ROUNDS_STAMP.follow(RequestRound, RequestRound.events.through)

        navigation.register("Mixed groups", "allocation:rounds", order=35, visible=access.can_schedule_events)
