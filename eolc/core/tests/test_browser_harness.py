"""Checks on the browser-test harness itself, so a flaky accessibility check cannot return."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_axe_waits_for_the_header_script_to_fold_the_menu(page, axe_check):
    """On a narrow screen the menu only fits once the header script folds items into "More".

    The script is held back for a moment, as a slow first load would hold it, and the check is
    called as soon as the heading shows: it must wait rather than report the spilled items.
    """
    page.set_viewport_size({"width": 320, "height": 640})

    def slow_script(route):
        page.wait_for_timeout(1_000)
        route.continue_()

    page.route("**/js/app.js", slow_script)
    page.goto("/", wait_until="commit")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page)
    expect(page.get_by_role("button", name="Browse More")).to_be_visible()
