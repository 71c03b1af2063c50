"""Browser tests: Playwright driving Debian's Chromium (``playwright install`` cannot run here).

Debian's headless shell (package ``chromium-headless-shell``: the same Chromium in its older
headless mode, which Playwright itself uses for headless runs) when it is installed: the
browser tests take 40 % less time in it than in the full browser, ``/usr/bin/chromium``,
which they use otherwise (or set ``GRFNET_CHROMIUM``). They skip, saying why, where neither
is installed; CI installs both. Screenshots go to ``artifacts/screenshots/`` so that people
can look at the pages.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM = os.environ.get(
    "GRFNET_CHROMIUM", HEADLESS_SHELL if Path(HEADLESS_SHELL).exists() else "/usr/bin/chromium"
)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
# synchronous calls from it unless told that this is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM}: install Debian's Chromium "
        "(apt-get install chromium-headless-shell chromium) to run the browser tests"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def _close_every_context(request):
    """Every browser context a test opened is closed when it ends. One left open keeps its
    kept-alive connections to the live server, and with them the server's threads and their
    database connections, past the test database's teardown."""
    yield
    if "browser" in request.fixturenames:
        for context in request.getfixturevalue("browser").contexts:
            context.close()


@pytest.fixture
def screenshot():
    """Save a screenshot for people to look at: ``screenshot(page, "dashboard-en")`` takes
    the full page, ``screenshot(locator, "map-en")`` one part of it. Only when
    GRFNET_SCREENSHOTS is set (``make screenshots``): writing 130 full-page PNGs took a
    tenth of the suite's time and checks nothing."""
    wanted = os.environ.get("GRFNET_SCREENSHOTS", "") not in ("", "0")

    def take(target, name):
        if not wanted:
            return None
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        if isinstance(target, Page):
            target.screenshot(path=str(path), full_page=True)
        else:
            target.screenshot(path=str(path))
        return path

    return take


def sign_in(page, live_server, username, password):
    """Sign in and wait until the browser has left the sign-in page. (The header's
    language switch is a form too, so the button is looked for in the page's main part.)"""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("main input[name=username]", username)
    page.fill("main input[name=password]", password)
    page.click("main form button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


def open_context(browser, live_server, lang="en", width="desktop", user=None, **options):
    """A browser context reading the site in ``lang`` at ``width`` ("desktop" 1280 px or
    "phone" 390 px, or a number), signed in as ``user`` through a session cookie (no
    sign-in page, so no throttling and no time spent)."""
    w, h = VIEWPORTS.get(width, (width, 900))
    context = browser.new_context(
        locale="ja-JP" if lang == "ja" else "en-US", viewport={"width": w, "height": h}, **options
    )
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": live_server.url}]
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies.append(
            {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}
        )
    context.add_cookies(cookies)
    return context
