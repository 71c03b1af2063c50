"""Data in and out in the browser: the pledge list's downloads, the API documentation
under the strict CSP, and an import in the admin from upload to confirmation."""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from pledges.models import Pledge
from tests.browser.axe import BLOCKING_IMPACTS, axe_problems
from tests.browser.conftest import sign_in
from tests.exchange.conftest import csv_bytes, pledge_row
from tests.factories import (
    DEFAULT_PASSWORD,
    ContributionTypeFactory,
    FocusAreaFactory,
    ObjectiveFactory,
    OrganizationFactory,
    PledgeFactory,
    SecretariatUserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_part_accessible(page, context):
    """axe-core on the part of the page this app adds (the site-wide colours are checked
    by the accessibility tests of every page)."""
    results = Axe().run(page, context=context, options={"resultTypes": ["violations"]})
    problems = [
        f"{v['id']} ({v['impact']}) at {' '.join(map(str, n['target']))}: {n['html'][:120]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
        for n in v["nodes"]
    ]
    assert not problems, "\n".join(problems)


@pytest.fixture
def browser_context_args(browser_context_args, request):
    locale = getattr(request, "param", "ja-JP")
    return {
        **browser_context_args,
        "locale": locale,
        "viewport": {"width": 1280, "height": 900},
        "accept_downloads": True,
    }


@pytest.fixture
def reference(settings):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    objectives = [ObjectiveFactory(number=n) for n in (1, 2, 3, 4)]
    FocusAreaFactory(slug="education", name_en="Education", name_ja="教育")
    ContributionTypeFactory(slug="financial", name_en="Financial", name_ja="資金")
    OrganizationFactory(slug="demo-ngo", name_en="Demo NGO", name_ja="デモNGO")
    OrganizationFactory(slug="demo-university", name_en="Demo University", name_ja="デモ大学")
    return objectives


def _language(locale: str) -> str:
    return locale[:2]


@pytest.mark.parametrize("browser_context_args", ["ja-JP", "en-US"], indirect=True)
def test_the_pledge_list_downloads_what_it_shows(
    page, live_server, reference, screenshot, browser_context_args
):
    PledgeFactory(title_en="Education pledge", objectives=[reference[1]])
    PledgeFactory(title_en="Other pledge", objectives=[reference[0]])
    language = _language(browser_context_args["locale"])

    page.goto(f"{live_server.url}/pledges/?objective=2")
    section = page.locator("section.export-links")
    expect(section).to_be_visible()
    screenshot(page, f"pledge-list-downloads-{language}")
    assert_part_accessible(page, "section.export-links")
    with page.expect_download() as download:
        section.get_by_role("link", name="CSV").first.click()

    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "Education pledge" in content
    assert "Other pledge" not in content


def test_the_api_documentation_runs_under_the_strict_csp(page, live_server, reference, screenshot):
    PledgeFactory(title_en="Documented pledge")
    violations = []

    def note_violation(message):
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", note_violation)

    page.goto(f"{live_server.url}/api/v1/docs")  # Swagger UI's old address

    expect(page).to_have_url(f"{live_server.url}/api/v1/")
    expect(page.get_by_role("heading", name="GET /api/v1/pledges/", exact=True)).to_be_visible()
    assert axe_problems(page) == []
    screenshot(page, "api-docs")
    page.get_by_role("link", name="/api/v1/pledges/?objective=2&stage=in_progress").click()
    expect(page.locator("body")).to_contain_text('"results"')
    assert violations == []


@pytest.mark.parametrize("browser_context_args", ["ja-JP", "en-US"], indirect=True)
def test_the_secretariat_imports_pledges_after_a_preview(
    page, live_server, reference, screenshot, tmp_path, browser_context_args
):
    language = _language(browser_context_args["locale"])
    user = SecretariatUserFactory()
    good = tmp_path / "pledges.csv"
    good.write_bytes(csv_bytes([pledge_row()]))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([pledge_row(), pledge_row(grf_id="GRF-0002", objectives="7")]))
    sign_in(page, live_server, user.username, DEFAULT_PASSWORD)

    page.goto(f"{live_server.url}/admin/pledges/pledge/import/")
    page.set_input_files("input[name=import_file]", str(bad))
    page.locator("input[type=submit]").click()
    expect(page.locator("table.exchange-preview")).to_be_visible()
    screenshot(page, f"admin-import-refused-{language}")
    assert_part_accessible(page, "#content")
    expect(page.locator("input[name=confirm]")).to_have_count(0)

    page.set_input_files("input[name=import_file]", str(good))
    page.locator("input[type=submit]").click()
    expect(page.locator("input[name=confirm]")).to_be_visible()
    screenshot(page, f"admin-import-preview-{language}")
    assert_part_accessible(page, "#content")
    assert not Pledge.objects.exists()
    page.locator("input[name=confirm]").click()

    expect(page).to_have_url(re.compile(r"/admin/pledges/pledge/$"))
    assert Pledge.objects.get().grf_reference == "GRF-0001"


@pytest.mark.parametrize("browser_context_args", ["ja-JP", "en-US"], indirect=True)
def test_the_api_page_reads_well(page, live_server, reference, screenshot, browser_context_args):
    language = _language(browser_context_args["locale"])

    page.goto(f"{live_server.url}/api/v1/")

    expect(page.get_by_role("heading", level=1)).to_contain_text("JSON API")
    expect(page.get_by_role("heading", name="GET /api/v1/pledges/", exact=True)).to_be_visible()
    screenshot(page, f"api-page-{language}")
    assert_part_accessible(page, {"include": [["main"]], "exclude": [[".breadcrumb"]]})
    page.get_by_role("link", name="/api/v1/pledges/?objective=2&stage=in_progress").click()
    page.wait_for_url(re.compile(r"/api/v1/pledges/\?objective=2&stage=in_progress$"))
    assert page.evaluate("() => JSON.parse(document.body.innerText).page") == 1
