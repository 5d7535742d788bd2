from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "eolc.programmes"
    verbose_name = "Programmes"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from eolc.accounts.signed_in import PERSON_STAMP
        from eolc.core import navigation
        from eolc.programmes import access
        from eolc.programmes.models import Membership, Programme
        from eolc.programmes.presenters import PROGRAMMES_STAMP

        PERSON_STAMP.follow(Membership)
        PROGRAMMES_STAMP.follow(Programme)
        post_save.connect(access.forget_remembered_roles, sender=Membership)
        post_delete.connect(access.forget_remembered_roles, sender=Membership)

        navigation.depends_on(Membership, Programme)
        signed_in = lambda user: user.is_authenticated  # noqa: E731
        navigation.register("Dashboard", "programmes:dashboard", order=10, visible=signed_in)
        navigation.register("Programmes", "programmes:list", order=20, visible=signed_in)
        navigation.register("People", "programmes:people", order=80, visible=access.can_manage_people)
        navigation.register(
            "Site admin",
            "admin:index",
            order=90,
            visible=lambda user: user.is_authenticated and user.is_site_admin,
        )
