"""A registry of header navigation links.

Apps register their own links in `AppConfig.ready()`, each with a test of who may
see it, so `core` draws the menu without importing the apps that depend on it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse


@dataclass(frozen=True)
class NavLink:
    text: str
    url_name: str
    order: int
    visible: Callable


_links: list[NavLink] = []


def register(text: str, url_name: str, *, order: int, visible: Callable = lambda user: True) -> None:
    if any(link.url_name == url_name for link in _links):
        return
    _links.append(NavLink(text, url_name, order, visible))
    _links.sort(key=lambda link: link.order)


def items_for(request) -> list[dict]:
    path = request.path
    # Error pages can be rendered before the authentication middleware has run.
    user = getattr(request, "user", None) or AnonymousUser()
    items = []
    for link in _links:
        if not link.visible(user):
            continue
        href = reverse(link.url_name)
        current = path == href
        items.append(
            {
                "text": link.text,
                "href": href,
                "current": current,
                "active": not current and href != "/" and path.startswith(href),
            }
        )
    return items
