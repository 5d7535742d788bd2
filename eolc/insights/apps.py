from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "eolc.insights"
    verbose_name = "Insights"

    def ready(self):
        from eolc.core import navigation
        from eolc.events.models import Event
        from eolc.programmes import access

        # Whoever is named on an event reviews what was shared at it.
        navigation.depends_on(Event.facilitators.through)

        navigation.register("Key messages", "insights:messages", order=45)
        navigation.register("Practice examples", "insights:catalogue", order=46)
        navigation.register("Insights", "insights:hub", order=47, visible=access.can_review_contributions)
