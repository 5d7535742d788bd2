"""What a process keeps in its own memory under generation stamps (ADR 020), emptied as a fresh app
server has it: before every test, and by tests that change rows without signals or count the
work of drawing a page rather than of reading it back."""

from django.core.cache import caches

KEPT_IN_MEMORY = ("local", "local-small", "api")


def forget_kept() -> None:
    for alias in KEPT_IN_MEMORY:
        caches[alias].clear()
