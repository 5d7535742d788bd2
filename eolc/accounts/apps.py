from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "eolc.accounts"
    verbose_name = "People, organisations and areas"
