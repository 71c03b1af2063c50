"""The update form in the browser: a long text is kept and counted, errors are summed up
and take the focus, a draft stays on the form."""

import re

import pytest
from playwright.sync_api import expect

from organizations.models import Membership
from tests.browser.conftest import open_context
from tests.factories import MembershipFactory, PledgeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def focal_point():
    membership = MembershipFactory(role=Membership.Role.EDITOR)
    pledge = PledgeFactory(lead_organization=membership.organization, title_en="Jobs for refugees")
    return membership.user, pledge


@pytest.mark.parametrize(
    ("lang", "count_text"), [("ja", "文字超過"), ("en", "characters too many")]
)
def test_form_keeps_a_10000_character_text_counts_it_and_explains_the_error(
    browser, live_server, focal_point, lang, count_text, screenshot
):
    user, pledge = focal_point
    context = open_context(browser, live_server, lang, "desktop", user)
    page = context.new_page()
    page.goto(f"{live_server.url}/pledges/{pledge.pk}/updates/new/")
    text = "Job fairs. " * 909 + "E"  # 10,000 characters
    assert len(text) == 10_000
    box = page.locator(f"#id_achievements_{lang}")
    box.fill(text)
    expect(page.locator(f"#id_achievements_{lang}_count")).to_contain_text(count_text)
    expect(page.locator(f"#id_achievements_{lang}_count")).to_contain_text("5,000")
    page.locator("#id_stage_1").check()
    page.locator("button[name=draft]").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("10000")
    assert box.input_value() == text  # nothing cut, in the browser or on the server
    screenshot(page, f"update-form-too-long-{lang}")
    summary.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(f"#id_achievements_{lang}$"))
    context.close()


def test_error_summary_takes_the_focus_and_links_to_each_field(
    browser, live_server, focal_point, screenshot
):
    user, pledge = focal_point
    context = open_context(browser, live_server, "en", "desktop", user)
    page = context.new_page()
    page.goto(f"{live_server.url}/pledges/{pledge.pk}/updates/new/")
    page.get_by_label("Progress (%)").fill("150")
    page.get_by_label("Links").fill("https://example.org/ok\nexample.org/not-a-link")
    page.get_by_role("button", name="Save draft").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(3)  # stage, progress, links
    expect(summary).to_contain_text("Line 2")
    summary.get_by_role("link", name=re.compile("^Progress")).click()
    expect(page).to_have_url(re.compile("#id_progress$"))
    screenshot(page, "update-form-error-summary-en")

    # Corrected, the draft is saved and the form stays open, saying when.
    page.locator("#id_stage_1").check()
    page.get_by_label("Progress (%)").fill("50")
    page.get_by_label("Links").fill("https://example.org/ok")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile(r"Draft saved at \d\d:\d\d\."))).to_be_visible()
    expect(page).to_have_url(re.compile(r"/updates/\d+/edit/"))
    expect(page.get_by_label("Progress (%)")).to_have_value("50")
    context.close()
