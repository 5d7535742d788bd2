from django.conf import settings
from django.db import models
from django.utils import timezone


class Erasure(models.Model):
    """That a person has been erased, so the retention job does not erase them twice."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="erasure")
    erased_at = models.DateTimeField(default=timezone.now)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"Erasure of person {self.person_id}"
