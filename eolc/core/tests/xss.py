"""Payloads for pushing script through free-text fields, and the check that they come out inert.

Use: store `payload` in a field (a name, a reflection, an event title), render each page that shows
it, and call `assert_inert(html, payload)`. Apps reuse these for their own fields.
"""

from django.utils.html import escape

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)//<a href=x>",
    "</textarea><script>alert(1)</script>",
]


def assert_inert(html: str, payload: str) -> None:
    """The raw payload never appears; its escaped form does, so the field really was rendered."""
    assert payload not in html, f"unescaped payload in the page: {payload!r}"
    assert escape(payload) in html, f"the payload was not rendered at all, so nothing was tested: {payload!r}"
