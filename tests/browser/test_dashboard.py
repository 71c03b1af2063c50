"""The reader's path: the dashboard, a figure, the pledges behind it, one pledge.

Screenshots of the dashboard, the pledge list and a pledge page in Japanese and English, at
desktop (1280 px) and phone (390 px) widths, land in artifacts/screenshots/.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pledges.services import pledge_refresh_current_state
from tests.factories import (
    ContributionTypeFactory,
    FocusAreaFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    MeetingFactory,
    ObjectiveFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OBJECTIVES = [
    ("Ease the pressures on host countries", "受入国の負担軽減"),
    ("Enhance refugee self-reliance", "難民の自立促進"),
    ("Expand access to third-country solutions", "第三国における解決策へのアクセス拡大"),
    ("Support conditions in countries of origin", "出身国における環境整備支援"),
]
# fmt: off
PLEDGES = [
    # title en, title ja, lead, objective, stage, progress, days since the update
    (
        "Demo scholarships for refugee students",
        "難民学生へのデモ奨学金",
        0,
        2,
        "in_progress",
        60,
        5,
    ),
    ("Demo employment programme", "デモ就労支援プログラム", 1, 1, "fulfilled", 100, 10),
    ("Demo Japanese-language classes", "デモ日本語教室", 2, 1, "in_progress", 35, 20),
    (
        "Demo community sponsorship",
        "デモ・コミュニティ・スポンサーシップ",
        3,
        2,
        "planning",
        10,
        150,
    ),
    ("Demo health support in host countries", "受入国でのデモ保健支援", 4, 0, "in_progress", 45, 3),
    ("Demo mental health network", "デモ心のケア・ネットワーク", 2, 1, "", None, None),
    ("Demo housing support", "デモ住居支援", 3, 1, "planning", None, 200),
    ("Demo return and reintegration", "デモ帰還・再統合支援", 4, 3, "", None, None),
    ("Demo refugee-led enterprise fund", "難民主導のデモ起業基金", 1, 1, "in_progress", 70, 12),
]
# fmt: on


def build_demo_network():
    today = timezone.localdate()
    MeetingFactory(number=1, date=today - datetime.timedelta(days=240))
    MeetingFactory(number=2, date=today - datetime.timedelta(days=60))
    MeetingFactory(number=3, title_en="Demo third network meeting", title_ja="デモ第3回会合",
                   date=today + datetime.timedelta(days=40))  # fmt: skip
    objectives = [
        ObjectiveFactory(number=n, title_en=en, title_ja=ja)
        for n, (en, ja) in enumerate(OBJECTIVES, start=1)
    ]
    areas = [
        FocusAreaFactory(slug="demo-education", name_en="Education", name_ja="教育"),
        FocusAreaFactory(slug="demo-jobs", name_en="Jobs and livelihoods", name_ja="雇用と生計"),
    ]
    financial = ContributionTypeFactory(slug="demo-financial", name_en="Financial", name_ja="資金")
    organizations = [
        OrganizationFactory(slug=slug, name_en=en, name_ja=ja, kind=kind)
        for slug, en, ja, kind in [
            ("demo-university", "Demo University", "デモ大学", "academia"),
            ("demo-company", "Demo Company", "デモ株式会社", "private_sector"),
            ("demo-ngo", "Demo Refugee Support NGO", "デモ難民支援協会", "ngo"),
            ("demo-temple", "Demo Temple Association", "デモ寺院連合会", "faith_based"),
            ("demo-agency", "Demo Aid Agency", "デモ援助機関", "government"),
        ]
    ]
    pledges = []
    for n, (en, ja, lead, objective, stage, progress, days) in enumerate(PLEDGES):
        pledge = PledgeFactory(
            title_en=en,
            title_ja=ja,
            description_en=f"{en}: a made-up pledge for the browser tests.",
            description_ja=f"{ja}（ブラウザー・テスト用の架空のプレッジ）。",
            lead_organization=organizations[lead],
            co_organizations=[organizations[(lead + 2) % 5]] if n % 3 == 0 else [],
            objectives=[objectives[objective]],
            focus_areas=[areas[n % 2]],
            contribution_types=[financial] if n % 2 else [],
        )
        pledges.append(pledge)
        if stage:
            when = timezone.now() - datetime.timedelta(days=days)
            ProgressUpdateFactory(
                pledge=pledge,
                author=None,
                published=True,
                published_at=when,
                stage="planning" if stage != "planning" else stage,
                progress=(progress or 0) // 3 if progress else None,
                achievements="Demo: first steps taken with partners.",
            )
            ProgressUpdateFactory(
                pledge=pledge,
                author=None,
                published=True,
                published_at=when + datetime.timedelta(hours=1),
                stage=stage,
                progress=progress,
                achievements="Demo: 40 students enrolled; mentoring began in April.",
                challenges="Demo: housing near campus is scarce.",
                next_steps="Demo: open a second intake in the autumn.",
                refugee_participation="Demo: two refugee students sit on the selection panel.",
            )
            pledge_refresh_current_state(pledge=pledge)
    scholarship = pledges[0]
    students = IndicatorFactory(
        pledge=scholarship, name_en="Students enrolled", name_ja="受入学生数", unit="people",
        target=100,
    )  # fmt: skip
    fund = IndicatorFactory(
        pledge=scholarship, name_en="Scholarship fund", name_ja="奨学基金", unit="JPY",
        target=50_000_000,
    )  # fmt: skip
    latest = scholarship.updates.order_by("-published_at").first()
    IndicatorValueFactory(update=latest, indicator=students, value=40)
    IndicatorValueFactory(update=latest, indicator=fund, value=21_500_000)
    pledge_refresh_current_state(pledge=scholarship)
    ProgressUpdateFactory(pledge=scholarship, author=None, achievements="SECRET DRAFT")
    return pledges


@pytest.fixture
def demo(settings):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    return build_demo_network()


def test_reader_follows_a_figure_to_the_pledges_and_opens_one(browser, live_server, demo):
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/")
    heading = "Where Japan's Global Refugee Forum pledges stand"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_role("heading", name="Next network meeting")).to_be_visible()
    expect(page.get_by_text("Demo third network meeting")).to_be_visible()

    page.get_by_role("link", name="No report yet").first.click()
    expect(page).to_have_url(f"{live_server.url}/pledges/?stage=none")
    expect(page.get_by_text("2 pledges match.")).to_be_visible()
    expect(page.get_by_label("Stage", exact=True)).to_have_value("none")

    page.get_by_role("link", name="Demo mental health network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demo mental health network")
    expect(page.get_by_text("No progress update has been published")).to_be_visible()
    context.close()


def test_reader_filters_the_list_with_the_form(browser, live_server, demo):
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/pledges/")
    page.get_by_label("GCR objective", exact=True).select_option("2")
    page.get_by_label("Stage", exact=True).select_option("in_progress")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("2 pledges match.")).to_be_visible()
    assert "objective=2" in page.url and "stage=in_progress" in page.url
    page.get_by_role("link", name="Remove the filter “Stage”").click()
    expect(page.get_by_text("5 pledges match.")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("locale", ["ja-JP", "en-US"])
def test_screenshots_of_the_dashboard_list_and_a_pledge(
    browser, live_server, demo, screenshot, locale, width
):
    language = locale[:2]
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"dashboard-{language}-{width}")

    page.goto(live_server.url + "/pledges/?objective=2&sort=-progress")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"pledge-list-{language}-{width}")

    page.goto(live_server.url + demo[0].get_absolute_url())
    title = (
        "難民学生へのデモ奨学金" if language == "ja" else "Demo scholarships for refugee students"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_text("SECRET DRAFT")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"pledge-{language}-{width}")

    page.goto(live_server.url + "/organizations/demo-ngo/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"organization-{language}-{width}")
    context.close()
