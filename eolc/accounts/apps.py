from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "eolc.accounts"
    verbose_name = "People, organisations and areas"

    def ready(self):
        from eolc.accounts.models import User
        from eolc.accounts.signed_in import PERSON_STAMP

        PERSON_STAMP.follow(User, person="pk")
