"""About, privacy, accessibility and contact in the browser: from the footer, both languages."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOOTER = {
    "ja": ["ネットワークについて", "プライバシー", "アクセシビリティ", "お問い合わせ"],
    "en": ["About the network", "Privacy", "Accessibility", "Contact"],
}
HEADINGS = {
    "ja": [
        "日本グローバル難民フォーラム・ネットワークについて",
        "プライバシー：保存する情報とその理由",
        "アクセシビリティ方針",
        "事務局への連絡",
    ],
    "en": [
        "About the Japan Global Refugee Forum Network",
        "Privacy: what we store about you and why",
        "Accessibility statement",
        "Contact the secretariat",
    ],
}
SLUGS = ["about", "privacy", "accessibility", "contact"]


@pytest.fixture
def browser_context_args(browser_context_args, request):
    locale = getattr(request, "param", "ja-JP")
    return {**browser_context_args, "locale": locale, "viewport": {"width": 1280, "height": 900}}


@pytest.mark.parametrize(
    ("browser_context_args", "lang"),
    [("ja-JP", "ja"), ("en-US", "en")],
    indirect=["browser_context_args"],
)
def test_reader_finds_each_page_from_the_footer(page, live_server, screenshot, lang):
    page.goto(f"{live_server.url}/accounts/login/")
    for label, heading, slug in zip(FOOTER[lang], HEADINGS[lang], SLUGS, strict=True):
        page.locator("footer").get_by_role("link", name=label, exact=True).click()
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert axe_violations(page) == []
        screenshot(page, f"page-{slug}-{lang}")


def test_the_pages_fit_a_phone(page, live_server, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    for slug in SLUGS:
        page.goto(f"{live_server.url}/{slug}/")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"/{slug}/ scrolls sideways by {overflow}px"
    screenshot(page, "page-privacy-phone-ja")
