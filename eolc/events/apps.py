from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "eolc.events"
    verbose_name = "Events"

    def ready(self):
        from eolc.core import navigation
        from eolc.events import calendar_cache, page_cache

        calendar_cache.connect()
        page_cache.connect()

        navigation.register("Events", "events:calendar", order=30)
