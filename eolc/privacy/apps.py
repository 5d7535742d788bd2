from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "eolc.privacy"
    verbose_name = "Privacy"
