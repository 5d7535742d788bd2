"""A registry of header navigation links.

Apps register their own links in `AppConfig.ready()`, each with a test of who may
see it, so `core` draws the menu without importing the apps that depend on it.

The tests ask the database a few questions on every page (is this person a champion, do they run
any event), so a signed-in person's menu is kept in each process's memory until a change to their
account's staff flag or to a model an app names with `depends_on` moves the menu stamp.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.urls import get_script_prefix, reverse

from eolc.core.stamps import Stamp

MENU_STAMP = Stamp("core:menu:generation")
MENU_TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class NavLink:
    text: str
    url_name: str
    order: int
    visible: Callable


_links: list[NavLink] = []


def register(text: str, url_name: str, *, order: int, visible: Callable = lambda user: True) -> None:
    """`visible(user)` may read the person, their memberships and the models named with
    `depends_on`, nothing else: its answer is kept until one of those changes."""
    if any(link.url_name == url_name for link in _links):
        return
    _links.append(NavLink(text, url_name, order, visible))
    _links.sort(key=lambda link: link.order)


def depends_on(*models) -> None:
    """Models whose changes can change who sees which link."""
    MENU_STAMP.follow(*models)


def _visible_url_names(user) -> tuple[str, ...]:
    """Anonymous visitors' tests need no database, so only signed-in menus are kept."""
    if not user.is_authenticated:
        return tuple(link.url_name for link in _links if link.visible(user))
    key = f"core:menu:{MENU_STAMP.value()}:{user.pk}:{int(user.is_site_admin)}"
    names = caches["local-small"].get(key)
    if names is None:
        names = tuple(link.url_name for link in _links if link.visible(user))
        caches["local-small"].set(key, names, MENU_TIMEOUT_SECONDS)
    return names


@cache
def _href(url_name: str, script_prefix: str) -> str:
    """Links take no arguments, so each is reversed once per process (per prefix it is served under)."""
    return reverse(url_name)


def items_for(request) -> list[dict]:
    path = request.path
    # Error pages can be rendered before the authentication middleware has run.
    user = getattr(request, "user", None) or AnonymousUser()
    visible = _visible_url_names(user)
    items = []
    for link in _links:
        if link.url_name not in visible:
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


def key_of(items: list[dict]) -> str:
    """What the rendered menu depends on, so the header can keep its markup (`{% cache %}`)."""
    marks = ("*" if item["current"] else "+" if item["active"] else "" for item in items)
    return "|".join(f"{item['href']}{mark}" for item, mark in zip(items, marks, strict=True))
