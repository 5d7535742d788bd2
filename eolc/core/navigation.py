"""A registry of header navigation links.

Apps register their own links in `AppConfig.ready()`, each with a test of who may
see it, so `core` draws the menu without importing the apps that depend on it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.contrib.auth.models import AnonymousUser
from django.urls import get_script_prefix, reverse


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


@cache
def _href(url_name: str, script_prefix: str) -> str:
    """Links take no arguments, so each is reversed once per process (per prefix it is served under)."""
    return reverse(url_name)


def items_for(request) -> list[dict]:
    path = request.path
    # Error pages can be rendered before the authentication middleware has run.
    user = getattr(request, "user", None) or AnonymousUser()
    items = []
    for link in _links:
        if not link.visible(user):
            continue
        href = _href(link.url_name, get_script_prefix())
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
