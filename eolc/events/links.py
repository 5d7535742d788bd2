"""Links that later apps offer on an event's page (write an action plan, find a buddy, ...).

Apps that depend on events register a provider in `AppConfig.ready()`; the event page asks every
provider for its links, so events never imports the apps built on it.
"""

from collections.abc import Callable

# provider(event, person, registration) -> list of {"text": ..., "href": ...}; a link with
# "kind": "place" is another way to get a place and stands where the Register button would.
_providers: list[Callable] = []


def register(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def for_event(event, person, registration) -> list[dict]:
    """Every registered provider's links for this person on this event's page, in registration order."""
    return [link for provider in _providers for link in provider(event, person, registration)]
