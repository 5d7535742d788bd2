"""Browser-test fixtures: Playwright driving Debian's Chromium, with axe-core checks.

Loaded from the root conftest (`pytest_plugins`). Tests that use them are marked
`@pytest.mark.system` and ask for:

- `page`: a fresh browser context and tab per test (no cookies leak between tests),
  pointed at the live server, so `page.goto("/")` works. The test fails if the page
  raised a JavaScript error or logged a console error (other than the expected ones
  listed in EXPECTED_CONSOLE_ERRORS); the console is where Chromium reports
  Content-Security-Policy refusals.
- `axe_check`: call `axe_check(page)` on every page a test visits.
- `mailbox`: the email the site sent during the test, read from files written by
  Django's file-based email backend.

Staff sign in with two-factor codes from `totp_code(person, secret)`, which never waits
for the next 30-second period (see there).

One Chromium serves the whole test session, and pytest-django's session-scoped
`live_server` serves the site. Chromium is never downloaded: Debian's
/usr/bin/chromium is launched with flags that stop it reaching the network.

Database: the live server runs in a thread of this process, so each browser test
is transactional (requesting `live_server` makes it so) and its rows are
committed where the server can see them. A transactional test empties every table
when it ends, which would remove the job roles and areas that a data migration
loads. The `page` fixture therefore also requests `django_db_serialized_rollback`:
the test database is serialised once after migrating and reloaded at the start of
each browser test, so the reference data is always there. pytest-django runs
transactional tests after the ordinary `db` tests, whose transactions roll back,
so those never see an emptied database.
"""

import email
import os
import re
import time
from dataclasses import dataclass
from email.message import Message
from email.utils import getaddresses
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import cache

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# How long a single Playwright action or wait may take before the test fails (ms).
ACTION_TIMEOUT_MS = 10_000
# Console errors that are intended. The NHS.UK stylesheet asks for the Frutiger web
# font from assets.nhs.uk; the CSP keeps fonts to our own origin (no third-party
# origins), so Chromium refuses it and the design system's Arial fallback is used.
EXPECTED_CONSOLE_ERRORS = [
    re.compile(r"^Loading the font 'https://assets\.nhs\.uk/fonts/[^']+' violates .*\"font-src 'self'\""),
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PROJECT_DIR = Path(__file__).resolve().parents[3]
AXE_PATHS = [
    PROJECT_DIR / "var" / "axe.min.js",  # copied there by `npm run build`
    PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js",
]

_AXE_RUN = """async (tags) => {
    const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]};
    const results = await axe.run(document, options);
    return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
            target: node.target.join(" "),
            html: node.html,
            summary: node.failureSummary,
        })),
    }));
}"""


_NEXT_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def axe_source() -> str:
    for path in AXE_PATHS:
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(
        "axe-core not found; run `npm ci && npm run build`. Looked in: " + ", ".join(map(str, AXE_PATHS))
    )


def axe_report(url: str, violations: list[dict]) -> str:
    """A readable account of axe violations: rule, impact, help text and each offending node."""
    lines = [f"axe-core found {len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"\n- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  * {node['target']}")
            lines.append(f"    {node['html']}")
            for summary_line in (node["summary"] or "").splitlines():
                lines.append(f"      {summary_line}")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe_check():
    """`axe_check(page)` runs axe-core on the current page and fails the test on any violation.

    The site's Content-Security-Policy is `script-src 'self'`, so axe cannot be added
    as an inline <script> (`page.add_script_tag(content=...)` is refused). Instead
    the source is run with `page.evaluate`, which goes through the DevTools protocol
    and is not subject to the page's CSP. That keeps the CSP fully in force for the
    site's own scripts, so `bypass_csp` is never used and CSP mistakes still fail
    tests. axe itself needs no `eval`, so it runs under the policy unchanged.
    """
    source = axe_source()

    def check(page) -> None:
        # A test may call this as soon as a heading shows, before the page's module
        # script has run. Until the header script has moved the menu items that do not
        # fit into "More", they spill past the blue bar onto the page's grey, and axe
        # reports their contrast. Its resize observer settles them a frame later.
        page.wait_for_load_state("load")
        page.evaluate(_NEXT_FRAMES)
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(source)
        violations = page.evaluate(_AXE_RUN, AXE_TAGS)
        if violations:
            pytest.fail(axe_report(page.url, violations), pytrace=False)

    return check


@pytest.fixture(scope="session")
def playwright_driver(django_db_setup):
    """The Playwright driver for the session.

    Playwright's sync API keeps an asyncio event loop marked as running on the main
    thread, and Django refuses database calls from a thread with a running loop
    (SynchronousOnlyOperation). The test code and pytest-django's teardown call the
    database from that thread synchronously, which is safe, so Django's check is
    relaxed for as long as Playwright is running and restored afterwards.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Once Playwright runs, Django hands this thread new connection objects. They lack the
    # serialised database that serialized rollback restores from, so a browser test that
    # followed another transactional test would start with empty reference tables: copy it.
    contents = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all(initialized_only=True)
        if hasattr(connection, "_test_serialized_contents")
    }
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as driver:
            for alias, serialized in contents.items():
                connections[alias]._test_serialized_contents = serialized
            yield driver
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """One headless Chromium for the whole session (Debian's, never a downloaded one)."""
    if not Path(CHROMIUM_PATH).exists():
        pytest.fail(f"Browser tests need Chromium at {CHROMIUM_PATH} (apt-get install chromium)")
    chromium = playwright_driver.chromium.launch(
        executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True
    )
    yield chromium
    chromium.close()


TOTP_PERIOD = 30
# (person id, TOTP counter) of each code used in the current test: the server takes a code only once.
_used_totp_counters = set()


def totp_code(person, secret):
    """A two-factor code for `person` that the live server takes now.

    The `page` fixture lets the server also take the codes of the periods either side of the current
    one (MFA_TOTP_TOLERANCE=1), so a code typed at the end of its 30 seconds still works, and a
    person who signs in again within a period uses the next period's code. Waiting for a new
    period instead cost up to 30 seconds a sign-in."""
    now = int(time.time()) // TOTP_PERIOD
    counter = next((c for c in (now, now + 1) if (person.pk, c) not in _used_totp_counters), None)
    assert counter is not None, "a third sign-in within 30 seconds would need a code the server refuses"
    _used_totp_counters.add((person.pk, counter))
    return format_hotp_value(hotp_value(secret, counter))


@pytest.fixture
def page(request, browser, live_server, django_db_serialized_rollback, settings):
    """A new browser context and tab for one test, based at the live server."""
    if request.node.get_closest_marker("system") is None:
        pytest.fail("Tests that drive the browser must be marked @pytest.mark.system")
    # Rate-limit counters and used two-factor codes live in the database cache table, which
    # flushes do not empty.
    cache.clear()
    _used_totp_counters.clear()
    settings.MFA_TOTP_TOLERANCE = 1  # see totp_code
    context = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="Europe/London")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    tab = context.new_page()
    problems = []

    def on_console(message):
        if message.type == "error" and not any(p.search(message.text) for p in EXPECTED_CONSOLE_ERRORS):
            problems.append(f"Console error on {tab.url}: {message.text}")

    tab.on("pageerror", lambda error: problems.append(f"JavaScript error on {tab.url}: {error}"))
    tab.on("console", on_console)
    yield tab
    context.close()
    cache.clear()
    if problems:
        pytest.fail("The browser reported problems:\n" + "\n".join(problems), pytrace=False)


_FILE_BACKEND_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


@dataclass
class SentEmail:
    subject: str
    to: list[str]
    body: str

    def links(self) -> list[str]:
        return re.findall(r"https?://[^\s<>\"]+", self.body)


def _text_body(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    return ""


class Mailbox:
    """Messages the file-based email backend wrote to `directory`, oldest first."""

    def __init__(self, directory: Path):
        self.directory = directory

    def messages(self) -> list[SentEmail]:
        found = []
        if not self.directory.exists():
            return found
        for path in sorted(self.directory.glob("*.log"), key=lambda p: (p.stat().st_mtime_ns, p.name)):
            for chunk in path.read_bytes().split(_FILE_BACKEND_SEPARATOR):
                if not chunk.strip():
                    continue
                message = email.message_from_bytes(chunk)
                found.append(
                    SentEmail(
                        subject=str(message["Subject"]),
                        to=[address for _, address in getaddresses(message.get_all("To", []))],
                        body=_text_body(message),
                    )
                )
        return found

    def only(self, to: str) -> SentEmail:
        """The single message sent to `to`; fails if there is none or more than one."""
        sent = [message for message in self.messages() if to in message.to]
        assert len(sent) == 1, f"Expected one email to {to}, found {len(sent)}: {[m.subject for m in sent]}"
        return sent[0]


@pytest.fixture
def mailbox(settings, tmp_path):
    """Send email through Django's file backend into a temporary directory and read it back.

    pytest-django's test environment would use the in-memory backend; the file
    backend is what development uses, so the test reads messages the way a
    developer would. The live server thread shares these settings.
    """
    directory = tmp_path / "mail"
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(directory)
    return Mailbox(directory)
