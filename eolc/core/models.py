from django.db import models


class StampValue(models.Model):
    """A generation stamp's current value (eolc/core/stamps.py, ADR 020): a table of its own, so
    that moving stamps is one upsert, where the cache's `set` took five statements for each."""

    key = models.CharField(max_length=200, primary_key=True)
    value = models.CharField(max_length=40)

    def __str__(self):
        return f"{self.key} = {self.value}"
