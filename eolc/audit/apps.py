from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "eolc.audit"
    verbose_name = "Audit log"

    def ready(self):
        from eolc.audit import receivers  # noqa: F401  (connects the sign-in signal receivers)
        from eolc.core import navigation
        from eolc.programmes import access

        navigation.register("Audit log", "audit:log", order=90, visible=access.can_read_audit_log)
