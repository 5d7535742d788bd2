"""Writes in reports: the lead's learning points. Facts are written only by `rollups`."""

from django.db import transaction
from django.utils import timezone

from eolc.reports.models import LearningPoints


def learning_points_for(*, programme) -> LearningPoints | None:
    return LearningPoints.objects.filter(programme=programme).first()


@transaction.atomic
def learning_points_save(*, programme, text: str, by) -> LearningPoints:
    points, _ = LearningPoints.objects.select_for_update().get_or_create(programme=programme)
    points.text = text.strip()
    points.updated_by = by
    points.updated_at = timezone.now()
    points.save()
    return points
