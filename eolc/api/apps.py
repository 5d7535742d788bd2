from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "eolc.api"
    verbose_name = "JSON API"

    def ready(self):
        from django.db.models.signals import post_delete

        from eolc.api import events
        from eolc.curriculum.models import Part
        from eolc.events import calendar_cache
        from eolc.events.models import Event
        from eolc.programmes.models import Membership

        # Cached event lists (eolc.api.pages) are guarded by the events' stamp; deleting a part also
        # clears the part of its events, by a bulk update that sends no signal for them.
        moved = calendar_cache.STAMP.move
        post_delete.connect(moved, sender=Part, weak=False, dispatch_uid="api:part:delete")
        # Who sees which events: their roles, and the events they are named on.
        events.SCOPE_STAMP.follow(Membership, Event.facilitators.through)
