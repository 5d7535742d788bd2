from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "eolc.api"
    verbose_name = "JSON API"
