"""Who may import people and attendance.

Programme administrators import people and attendance into their programmes. An uploaded file
holds personal data, so only its uploader sees its preview (404 for anyone else).
"""

from django.apps import apps
from django.http import Http404
from django.shortcuts import get_object_or_404

from eolc.programmes.access.events import managed_events
from eolc.programmes.access.roles import has_role_anywhere, managed_programmes
from eolc.programmes.models import Role


def import_programmes_for(user):
    return managed_programmes(user)


def can_import(user) -> bool:
    """Asked by the header on every page, so answered from the remembered roles where it can be."""
    if not user.is_authenticated:
        return False
    if user.is_site_admin:
        return import_programmes_for(user).exists()
    return has_role_anywhere(user, {Role.ADMIN})


def get_import_batch_or_404(user, pk):
    ImportBatch = apps.get_model("imports", "ImportBatch")
    if not user.is_authenticated:
        raise Http404("No such import")
    batches = ImportBatch.objects.uploaded_by(user).filter(programme__in=import_programmes_for(user))
    return get_object_or_404(batches.select_related("programme"), pk=pk)


def import_events_for(user, programme):
    """Events whose attendance a person may import: those they run in the programme."""
    return managed_events(user).filter(programme=programme)
