"""What every page's layout needs: the service name and the role-aware navigation."""

from eolc.core import navigation


def layout(request):
    items = navigation.items_for(request)
    return {"service_name": "EoLC Together", "nav_items": items, "nav_key": navigation.key_of(items)}
