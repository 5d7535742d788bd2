from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "eolc.insights"
    verbose_name = "Insights"

    def ready(self):
        from eolc.core import navigation
        from eolc.programmes import access

        navigation.register("Key messages", "insights:messages", order=45)
        navigation.register("Practice examples", "insights:catalogue", order=46)
        navigation.register("Insights", "insights:hub", order=47, visible=access.can_review_contributions)
