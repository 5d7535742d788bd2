"""An uploaded spreadsheet waiting for its uploader to confirm it.

The parsed rows are kept as they were typed; what they would change is worked out afresh for the
preview and again on confirming, so a preview never writes and a confirmation acts on the
database as it is then.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from eolc.programmes.models import Programme


class ImportKind(models.TextChoices):
    PEOPLE = "people", "People and their programme roles"
    ATTENDANCE = "attendance", "Attendance at events"


class BatchStatus(models.TextChoices):
    PREVIEWED = "previewed", "Waiting for confirmation"
    CONFIRMED = "confirmed", "Imported"


class ImportBatchQuerySet(models.QuerySet):
    def uploaded_by(self, person):
        return self.filter(uploaded_by=person)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class ImportBatch(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="import_batches")
    kind = models.CharField(max_length=20, choices=ImportKind.choices)
    filename = models.CharField(max_length=255)
    # [{"row": spreadsheet row number, "values": {column: text}}], in file order.
    rows = models.JSONField(default=list)
    status = models.CharField(max_length=20, choices=BatchStatus.choices, default=BatchStatus.PREVIEWED)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # What confirming did: {"created": n, "updated": n, "unchanged": n, "skipped": n}.
    outcome = models.JSONField(default=dict, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "import batches"

    def __str__(self):
        return f"{self.get_kind_display()} from {self.filename}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == BatchStatus.CONFIRMED
