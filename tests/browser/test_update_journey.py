"""The reporting journey in Chromium: a focal point drafts and submits an update, the
secretariat returns it with a comment, the focal point corrects and resubmits, the
secretariat publishes, and the pledge's page shows the new stage. Screenshots of the
workspace, the form with errors and the review queue, in English and Japanese."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pledges.models import Pledge
from tests.browser.conftest import sign_in
from tests.factories import (
    DEFAULT_PASSWORD,
    IndicatorFactory,
    IndicatorValueFactory,
    MeetingFactory,
    MembershipFactory,
    ObjectiveFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _network():
    """A focal point of Welcome Japan with two pledges, one with a published update, a
    secretariat user, and the next meeting."""
    today = timezone.localdate()
    MeetingFactory(date=today - datetime.timedelta(days=90), title_en="First network meeting")
    MeetingFactory(
        date=today + datetime.timedelta(days=40),
        update_deadline=today + datetime.timedelta(days=26),
        title_en="Third network meeting",
        title_ja="第3回ネットワーク会合",
    )
    organization = OrganizationFactory(
        name_en="Welcome Japan", name_ja="ウェルカムジャパン", slug="welcome-japan"
    )
    editor = UserFactory(username="focal", first_name="Aiko", last_name="Sato")
    MembershipFactory(user=editor, organization=organization)
    secretariat = SecretariatUserFactory(username="mofa", first_name="Kenji", last_name="Ito")
    objective = ObjectiveFactory(number=2)
    pledge = PledgeFactory(
        lead_organization=organization,
        objectives=[objective],
        title_en="Refugees' inclusion in Japan's labour market",
        title_ja="難民の日本の労働市場への包摂",
    )
    indicator = IndicatorFactory(
        pledge=pledge, name_en="Refugees hired", name_ja="雇用された難民", target=200
    )
    previous = ProgressUpdateFactory(
        pledge=pledge,
        published=True,
        stage="planning",
        progress=20,
        achievements="Formed the employers' consortium.",
        author=editor,
    )
    IndicatorValueFactory(update=previous, indicator=indicator, value=12)
    pledge.current_stage, pledge.current_progress = "planning", 20
    pledge.last_published_at = previous.published_at
    pledge.save()
    PledgeFactory(
        lead_organization=OrganizationFactory(
            name_en="Pathways Japan", name_ja="パスウェイズ・ジャパン"
        ),
        co_organizations=[organization],
        title_en="Complementary pathways for refugee students",
        title_ja="難民学生のための補完的受け入れ",
    )
    return pledge, indicator, editor, secretariat


def _switch_user(page, live_server, username):
    page.context.clear_cookies()
    sign_in(page, live_server, username, DEFAULT_PASSWORD)


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-US", "viewport": DESKTOP}


def test_update_is_drafted_submitted_returned_corrected_and_published(
    page, live_server, screenshot
):
    pledge, indicator, editor, secretariat = _network()

    # The focal point signs in and opens the workspace.
    sign_in(page, live_server, "focal", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/my/")
    expect(page.get_by_role("heading", name="My workspace")).to_be_visible()
    expect(page.get_by_text("Updates due by")).to_be_visible()
    screenshot(page, "workspace-en")

    # Drafts an update: first with mistakes, which are shown beside their fields.
    page.get_by_role("link", name="Write an update").first.click()
    expect(page.get_by_label("What was done (English)")).to_have_value(
        "Formed the employers' consortium."
    )
    page.get_by_label("In progress").check()
    page.get_by_label("Progress (%)").fill("150")
    page.get_by_label("What was done (English)").fill("Three job fairs; 18 refugees hired.")
    page.get_by_label("Refugees hired (people)").fill("about 18")
    page.get_by_label("Links").fill("javascript:alert(1)")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("The update was not saved")).to_be_visible()
    expect(page.locator("#error_1_id_progress")).to_contain_text("less than or equal to 100")
    expect(page.locator(f"#error_1_id_indicator_{indicator.pk}")).to_contain_text("Enter a number")
    expect(page.locator("#error_1_id_links")).to_contain_text("http://")
    expect(page.get_by_label("What was done (English)")).to_have_value(
        "Three job fairs; 18 refugees hired."
    )
    screenshot(page, "update-form-errors-en")

    page.get_by_label("Progress (%)").fill("45")
    page.get_by_label("Refugees hired (people)").fill("18")
    page.get_by_label("Links").fill("https://example.org/fairs")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile(r"Draft saved at \d\d:\d\d"))).to_be_visible()

    # Submits it from the form, where saving the draft left it.
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Your update was submitted")).to_be_visible()
    expect(page.get_by_text("Awaiting review").first).to_be_visible()

    # Takes it back from its card in the workspace to fix a typo, and submits it again.
    page.goto(f"{live_server.url}/my/")
    page.get_by_role("link", name="See the update").click()
    page.get_by_role("button", name="Withdraw to edit").click()
    expect(page.get_by_text("Your update was withdrawn from the review")).to_be_visible()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Your update was submitted")).to_be_visible()

    # The secretariat reviews it and returns it with a comment.
    _switch_user(page, live_server, "mofa")
    page.goto(f"{live_server.url}/review/")
    expect(page.get_by_text("1 update waiting")).to_be_visible()
    expect(page.get_by_text("Three job fairs; 18 refugees hired.")).to_be_visible()
    screenshot(page, "review-en")
    page.get_by_role("button", name="Return with comment").click()
    expect(page.get_by_text("a comment is required")).to_be_visible()
    page.get_by_label("What needs to change").fill(
        "Please say in which cities the fairs were held."
    )
    page.get_by_role("button", name="Return with comment").click()
    expect(page.get_by_text("Returned to Welcome Japan with your comment.")).to_be_visible()

    # The focal point corrects and resubmits.
    _switch_user(page, live_server, "focal")
    page.goto(f"{live_server.url}/my/")
    expect(page.get_by_text("Please say in which cities the fairs were held.")).to_be_visible()
    page.get_by_role("link", name="Correct").first.click()
    page.get_by_label("What was done (English)").fill(
        "Three job fairs in Tokyo, Osaka and Fukuoka; 18 refugees hired."
    )
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Your update was submitted")).to_be_visible()

    # The secretariat sees it is a resubmission, with its comment and what changed since.
    _switch_user(page, live_server, "mofa")
    page.goto(f"{live_server.url}/review/")
    expect(page.get_by_text("Resubmitted after it was returned")).to_be_visible()
    expect(page.locator(".earlier-comment")).to_contain_text("in which cities")
    expect(page.locator(".change-list").first).to_contain_text("Tokyo, Osaka and Fukuoka")
    screenshot(page, "review-resubmitted-en")
    # Publish asks for confirmation, and a comment typed beside it is not lost.
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Tick this box to confirm")).to_be_visible()
    page.get_by_label("What needs to change").fill("Thanks, looks good.")
    page.get_by_label("I have read this update").check()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Publishing sends no comment")).to_be_visible()
    expect(page.get_by_label("What needs to change")).to_have_value("Thanks, looks good.")
    page.get_by_label("What needs to change").fill("")
    page.get_by_label("I have read this update").check()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Nothing to review")).to_be_visible()

    # The pledge's page shows the new stage.
    page.goto(f"{live_server.url}/pledges/{pledge.pk}/")
    expect(page.locator(".stage-badge").first).to_have_text("In progress")


@pytest.mark.parametrize(
    ("locale", "suffix", "viewport"),
    [("ja-JP", "ja", DESKTOP), ("en-US", "en-phone", PHONE), ("ja-JP", "ja-phone", PHONE)],
)
def test_workspace_form_and_review_pages_in_japanese_and_on_a_phone(
    browser, live_server, screenshot, locale, suffix, viewport
):
    pledge, indicator, editor, secretariat = _network()
    # One open update per organization and pledge: the returned one is on the co-pledge.
    co_pledge = Pledge.objects.get(title_en="Complementary pathways for refugee students")
    ProgressUpdateFactory(
        pledge=co_pledge,
        organization=pledge.lead_organization,
        state="returned",
        review_comment="Please add the number of refugees hired.",
        author=editor,
    )
    submitted = ProgressUpdateFactory(
        pledge=pledge,
        submitted=True,
        stage="in_progress",
        progress=45,
        achievements="Three job fairs in Tokyo, Osaka and Fukuoka.",
        refugee_participation="Refugee staff ran the information desks.",
        author=editor,
    )
    IndicatorValueFactory(update=submitted, indicator=indicator, value=18)
    context = browser.new_context(locale=locale, viewport=viewport)
    page = context.new_page()
    try:
        sign_in(page, live_server, "focal", DEFAULT_PASSWORD)
        page.goto(f"{live_server.url}/my/")
        expect(page.locator("html")).to_have_attribute("lang", locale[:2])
        screenshot(page, f"workspace-{suffix}")

        page.goto(f"{live_server.url}/pledges/{co_pledge.pk}/updates/new/")
        page.goto(page.url)  # redirected to the returned update
        page.locator("#id_progress").fill("-3")
        page.locator("#id_links").fill("ftp://files.example.org")
        page.locator("button[name=draft]").click()
        expect(page.locator("#error_1_id_progress")).to_be_visible()
        screenshot(page, f"update-form-errors-{suffix}")

        page.context.clear_cookies()
        sign_in(page, live_server, "mofa", DEFAULT_PASSWORD)
        page.goto(f"{live_server.url}/review/")
        expect(page.locator(".review-card")).to_have_count(1)
        screenshot(page, f"review-{suffix}")
    finally:
        context.close()
