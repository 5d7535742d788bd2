from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "eolc.reports"
    verbose_name = "Reports"

    def ready(self):
        from eolc.core import navigation
        from eolc.programmes import access
        from eolc.reports import changes

        changes.connect()
        navigation.register("Reports", "reports:index", order=70, visible=access.can_view_any_reports)
