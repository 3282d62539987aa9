"""Browser tests: Playwright for Python drives Debian's Chromium against pytest-django's
live server.

Playwright never downloads a browser here: the tests use the `chromium` package of the
system (`sudo apt install chromium`). Without it they are skipped with that advice, except
when GRAPPE_REQUIRE_BROWSER=1 (as in `.ci/run`), where a missing browser is a failure.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and quiet: no GPU, no sandbox (CI runs as root), and none of the background
# calls to Google's services, which would fail on a machine without internet access.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING_BROWSER = (
    f"The browser tests need Debian's Chromium at {CHROMIUM}: install it with "
    "`sudo apt install chromium`."
)


@pytest.fixture(scope="session", autouse=True)
def _live_server_static_root(tmp_path_factory) -> Iterator[None]:
    """An existing STATIC_ROOT before the live server starts (once per test process).

    WhiteNoise warns (an error under filterwarnings) when STATIC_ROOT does not exist, as
    before the first `collectstatic`. The suite-wide fixture of tests/conftest.py sets one per
    test, too late for the live server, which is started before any function-scoped fixture.
    The files themselves come from the apps' static folders.
    """
    with override_settings(STATIC_ROOT=tmp_path_factory.mktemp("static")):
        yield


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for the browser tests of a test process."""
    if not CHROMIUM.exists():
        if os.environ.get("GRAPPE_REQUIRE_BROWSER") == "1":
            pytest.fail(MISSING_BROWSER, pytrace=False)
        pytest.skip(MISSING_BROWSER)
    # Playwright's sync API keeps an asyncio event loop marked as running in the main thread
    # for as long as it is started. Django then refuses every ORM call made from that thread
    # (SynchronousOnlyOperation), although the test code is plain synchronous code: the
    # factories, the assertions on the database and the flush between tests. This switch
    # lifts that guard, only while Playwright runs, that is for the tests of this folder.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: Browser, live_server, transactional_db) -> Iterator[Page]:
    """A fresh French-speaking browser tab; the live server shares the test database.

    The locale matters: the site follows the browser's language, and these tests read the
    French pages.
    """
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def log_in(page: Page, live_server):
    """Log in through the login page, as a person would."""

    def log_in_as(username: str, password: str) -> None:
        page.goto(f"{live_server.url}/connexion/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.press("#id_password", "Enter")
        assert "/connexion/" not in page.url, "the login was refused"

    return log_in_as
