"""Meetings in the browser: the list, a meeting, its report on screen, printed and as PDF."""

import datetime
import shutil
import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.browser.conftest import SCREENSHOTS, sign_in
from tests.factories import (
    DEFAULT_PASSWORD,
    AgendaItemFactory,
    AttendanceFactory,
    IndicatorFactory,
    MeetingFactory,
    ObjectiveFactory,
    OrganizationFactory,
    PledgeFactory,
    SecretariatUserFactory,
)
from tests.meetings.test_selectors import publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = timezone.localdate()


@pytest.fixture
def browser_context_args(browser_context_args, request):
    locale = getattr(request, "param", "ja-JP")
    return {**browser_context_args, "locale": locale, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def network(settings):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    objectives = [
        ObjectiveFactory(
            number=1, title_en="Ease pressures on host countries", title_ja="受入国の負担軽減"
        ),
        ObjectiveFactory(
            number=2, title_en="Enhance refugee self-reliance", title_ja="難民の自立促進"
        ),
        ObjectiveFactory(
            number=3,
            title_en="Expand access to third-country solutions",
            title_ja="第三国での解決策の拡大",
        ),
        ObjectiveFactory(
            number=4,
            title_en="Support conditions in countries of origin",
            title_ja="出身国の環境整備",
        ),
    ]
    mofa = OrganizationFactory(
        name_en="Ministry of Foreign Affairs of Japan",
        name_ja="外務省",
        short_name_en="MoFA",
        short_name_ja="外務省",
        slug="mofa",
        kind="government",
    )
    unhcr = OrganizationFactory(
        name_en="UNHCR Japan",
        name_ja="UNHCR駐日事務所",
        short_name_en="UNHCR",
        short_name_ja="UNHCR",
        slug="unhcr",
        kind="un_agency",
    )
    soka = OrganizationFactory(name_en="Soka Gakkai", name_ja="創価学会", slug="soka")
    welcome = OrganizationFactory(
        name_en="Welcome Japan", name_ja="ウェルカムジャパン", slug="welcome"
    )
    pathways = OrganizationFactory(
        name_en="Pathways Japan", name_ja="パスウェイズ・ジャパン", slug="pathways"
    )

    previous = MeetingFactory(
        number=1,
        date=TODAY - datetime.timedelta(days=150),
        title_en="First Japan GRF Network Meeting",
        title_ja="第1回 日本GRFネットワーク会合",
        venue_en="United Nations University, Tokyo",
        venue_ja="国連大学（東京）",
        co_hosts=[mofa, unhcr],
        summary_en="The network was launched; six organizations presented their progress.",
        summary_ja="ネットワークが発足し、6団体が進捗を報告した。",
    )
    meeting = MeetingFactory(
        number=2,
        date=TODAY + datetime.timedelta(days=20),
        title_en="Second Japan GRF Network Meeting",
        title_ja="第2回 日本GRFネットワーク会合",
        venue_en="UN House, Tokyo",
        venue_ja="国連ハウス（東京）",
        format=Meeting.Format.HYBRID,
        start_time=datetime.time(14),
        end_time=datetime.time(17),
        update_deadline=TODAY + datetime.timedelta(days=6),
        co_hosts=[mofa, unhcr],
        summary_en="Agenda: progress since the first meeting, and preparations for GRF 2027.",
        summary_ja="議題：第1回会合以降の進捗と、2027年GRFに向けた準備。",
    )

    music = PledgeFactory(
        title_en='"Music Brings Us Together" in Jordan',
        title_ja="ヨルダンでの「音楽でつながる」",
        lead_organization=soka,
        objectives=[objectives[1]],
    )
    labour = PledgeFactory(
        title_en="Refugees' inclusion in Japan's labour market",
        title_ja="日本の労働市場への難民の包摂",
        lead_organization=welcome,
        objectives=[objectives[1]],
    )
    students = PledgeFactory(
        title_en="Scholarships for refugee students",
        title_ja="難民学生への奨学金",
        lead_organization=pathways,
        objectives=[objectives[2]],
    )
    nexus = PledgeFactory(
        title_en="Humanitarian-Development-Peace Nexus",
        title_ja="人道・開発・平和の連携",
        lead_organization=mofa,
        objectives=[objectives[0], objectives[3]],
    )
    trainees = IndicatorFactory(
        pledge=music, name_en="Music trainees", name_ja="音楽研修生", target=120
    )
    enrolled = IndicatorFactory(
        pledge=students, name_en="Students enrolled", name_ja="受入学生数", target=85
    )

    start = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    before = start - datetime.timedelta(days=200)
    during = start - datetime.timedelta(days=60)
    publish(music, "planning", before, values={trainees: 30})
    publish(
        music,
        "in_progress",
        during,
        values={trainees: 91},
        achievements="91 trainees completed the programme; about 400 workshops reached "
        "1,200 children.",
        participation="ヨルダン在住の難民の若者が講師・運営スタッフとして参加しました。",
    )
    publish(labour, "planning", before)
    publish(labour, "in_progress", during - datetime.timedelta(days=20))
    publish(
        labour,
        "fulfilled",
        during,
        achievements="求人企業30社と難民人材のマッチングを実現し、当初目標を達成しました。",
        participation="Refugee job seekers reviewed the matching process with us.",
    )
    publish(students, "in_progress", before, values={enrolled: 20})
    publish(
        students,
        "in_progress",
        during,
        values={enrolled: 85},
        achievements="65 university and 20 language-school students started their studies.",
    )
    publish(nexus, "planning", before)

    for order, (en, ja, presenter) in enumerate(
        [
            ("Opening remarks", "開会挨拶", mofa),
            ("Progress since the first meeting", "第1回会合以降の進捗", unhcr),
            ("Towards GRF 2027", "2027年GRFに向けて", unhcr),
        ],
        start=1,
    ):
        item = AgendaItemFactory(
            meeting=meeting, order=order, title_en=en, title_ja=ja, presenter=presenter
        )
        if order == 2:
            item.pledges.add(music, labour)
    for organization in (mofa, unhcr, soka, welcome):
        AttendanceFactory(meeting=meeting, organization=organization)
    return {"meeting": meeting, "previous": previous}


def _pdf_pages_to_png(content: bytes, name: str):
    """Render the PDF's first pages as PNGs beside the screenshots, to look at."""
    if not shutil.which("pdftoppm"):
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf_path = SCREENSHOTS / f"{name}.pdf"
    pdf_path.write_bytes(content)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "3",
            str(pdf_path),
            str(SCREENSHOTS / name),
        ],
        check=True,
    )


@pytest.mark.parametrize(
    ("browser_context_args", "lang"),
    [("ja-JP", "ja"), ("en-US", "en")],
    indirect=["browser_context_args"],
)
def test_attendee_opens_a_meeting_and_its_report_and_prints_it(
    page, live_server, network, screenshot, lang
):
    page.goto(f"{live_server.url}/meetings/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    upcoming = "今後の会合" if lang == "ja" else "Upcoming"
    expect(page.get_by_role("heading", name=upcoming, exact=True)).to_be_visible()
    screenshot(page, f"meetings-list-{lang}")

    title = "第2回 日本GRFネットワーク会合" if lang == "ja" else "Second Japan GRF Network Meeting"
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(
        page.get_by_text("UNHCR駐日事務所" if lang == "ja" else "UNHCR Japan").first
    ).to_be_visible()
    screenshot(page, f"meeting-detail-{lang}")

    page.get_by_role(
        "link", name="これまでの進捗" if lang == "ja" else "Progress so far"
    ).first.click()
    report_heading = "進捗報告書" if lang == "ja" else "Progress report"
    expect(page.get_by_role("heading", name=report_heading)).to_be_visible()
    fulfilled = (
        "日本の労働市場への難民の包摂"
        if lang == "ja"
        else "Refugees' inclusion in Japan's labour market"
    )
    expect(page.get_by_text(fulfilled).first).to_be_visible()
    screenshot(page, f"meeting-report-{lang}")

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".report-toolbar")).to_be_hidden()
    screenshot(page, f"meeting-report-print-{lang}")
    page.emulate_media(media="screen")

    page.goto(f"{live_server.url}/meetings/2/report/")
    with page.expect_download() as download:
        page.get_by_role(
            "link", name="PDFをダウンロード" if lang == "ja" else "Download PDF"
        ).click()
    assert download.value.suggested_filename == f"grfnet-meeting-2-report-{lang}.pdf"
    with open(download.value.path(), "rb") as pdf:
        content = pdf.read()
    _pdf_pages_to_png(content, f"meeting-report-pdf-{lang}")


def test_on_a_phone_the_meeting_and_report_fit_the_screen(page, live_server, network, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    for path, name in [
        ("/meetings/", "meetings-list-phone"),
        ("/meetings/2/", "meeting-detail-phone"),
        ("/meetings/2/report/", "meeting-report-phone"),
    ]:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px"
        screenshot(page, f"{name}-ja")


def test_secretariat_sees_who_has_not_reported(page, live_server, network, screenshot):
    SecretariatUserFactory(username="secretariat-browser")
    sign_in(page, live_server, "secretariat-browser", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/meetings/2/")
    panel = page.locator(".secretariat-panel")
    expect(panel.get_by_role("heading", name="未報告の団体")).to_be_visible()
    expect(panel.get_by_text("人道・開発・平和の連携")).to_be_visible()
    screenshot(page, "meeting-detail-secretariat-ja")
