"""What every page's layout needs: the service name and the role-aware navigation."""

from eolc.core import navigation


def layout(request):
    return {"service_name": "EoLC Together", "nav_items": navigation.items_for(request)}
