from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for trying the platform locally. Depends on every app; nothing depends on it."""

    name = "eolc.demo"
    verbose_name = "Demo data"
