"""Pages of API lists, kept whole as JSON in each process's memory until the data behind them changes.

Building a page of 50 events cost about 25 ms of queries and validation, while the same page for the
same people stays the same until an event or registration changes. A list endpoint decorated with
`cached_pages` keeps its rendered body under a key made of generation stamps, the asking person's
scope (what decides which rows they may see, so people never share a page unless they would see the
same rows) and the query. A stamp (eolc/core/stamps.py) moves when a change commits, so the next
request builds the page afresh; an entry also expires after a minute, or sooner when the view
says when time alone will change the page (an event ending drops out of the upcoming ones).

The decorated view returns its page already in its response schema's shape (ninja does not validate
it again), plus `fresh_until`: the time it stops being right, or None.
"""

import datetime
import hashlib
from functools import wraps

from django.core.cache import caches
from django.http import HttpResponse
from ninja.renderers import JSONRenderer
from pydantic import BaseModel

TIMEOUT_SECONDS = 60
# People whose scope is remembered per process between two moves of the stamp, at most.
REMEMBERED_SCOPES = 10_000

_renderer = JSONRenderer()
_CONTENT_TYPE = f"{_renderer.media_type}; charset={_renderer.charset}"


def cached_pages(*, stamps, scope, scope_stamp):
    """`stamps` guard the data listed; `scope(person)` says what of it they may see. A person's scope
    is remembered (with their site-admin flag, read with the token) until `scope_stamp` moves, so it
    may depend on that flag and otherwise only on data that moves `scope_stamp`."""

    def decorate(view):
        name = f"{view.__module__}.{view.__qualname__}"
        scopes = _Scopes(scope)

        @wraps(view)
        def cached(request, **params):
            generations = ":".join(stamp.value() for stamp in stamps)
            key = _key(name, generations, scopes.of(request.auth, scope_stamp.value()), params)
            local = caches["api"]
            body = local.get(key)
            if body is None:
                page = view(request, **params)
                fresh_until = page.pop("fresh_until")
                body = _renderer.render(request, page, response_status=200)
                timeout = TIMEOUT_SECONDS
                if fresh_until is not None:
                    now = datetime.datetime.now(datetime.UTC)
                    timeout = min(timeout, (fresh_until - now).total_seconds())
                if timeout > 0:
                    local.set(key, body, timeout)
            return HttpResponse(body, content_type=_CONTENT_TYPE)

        return cached

    return decorate


class _Scopes:
    """Each person's scope while `scope_stamp` stays: working it out costs queries (their roles, whether
    they are named on an event) that would otherwise be most of a cached page's cost. The stamp and
    its scopes are replaced together, so a thread never pairs one stamp with another's scopes."""

    def __init__(self, scope):
        self.scope = scope
        self.current = (None, {})

    def of(self, person, stamp):
        remembered_for, by_person = self.current
        if remembered_for != stamp or len(by_person) >= REMEMBERED_SCOPES:
            by_person = {}
            self.current = (stamp, by_person)
        key = (person.pk, person.is_site_admin)
        if key not in by_person:
            by_person[key] = self.scope(person)
        return by_person[key]


def _key(name, stamp, scope, params) -> str:
    """Parameters arrive validated (pagination as a schema instance); hashed, as they come from the caller."""
    query = sorted((p, v.model_dump() if isinstance(v, BaseModel) else v) for p, v in params.items())
    digest = hashlib.sha256(repr((scope, query)).encode()).hexdigest()
    return f"api:{name}:{stamp}:{digest}"
