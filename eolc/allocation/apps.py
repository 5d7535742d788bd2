from django.apps import AppConfig


class AllocationConfig(AppConfig):
    name = "eolc.allocation"
    verbose_name = "Allocation"
