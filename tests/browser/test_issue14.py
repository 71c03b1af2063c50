"""Issue 14 in the browser, in Japanese and English, each page checked with axe-core:
the dashboard's map, the pledge page's history, following, evidence files and the
secretariat's "Send reminders now"."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pledges import evidence, following
from pledges.models import Follow
from pledges.services import pledge_refresh_current_state
from tests.browser.axe import axe_violations
from tests.browser.conftest import SCREENSHOTS, sign_in  # noqa: F401
from tests.factories import (
    DEFAULT_PASSWORD,
    AgendaItemFactory,
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
from tests.pledges.evidence_samples import SAMPLES, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = timezone.localdate()
LANGS = pytest.mark.parametrize(
    ("browser_context_args", "lang"),
    [("ja-JP", "ja"), ("en-US", "en")],
    indirect=["browser_context_args"],
)


@pytest.fixture
def browser_context_args(browser_context_args, request):
    locale = getattr(request, "param", "ja-JP")
    return {**browser_context_args, "locale": locale, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def network(settings):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    objective = ObjectiveFactory(
        number=2, title_en="Enhance refugee self-reliance", title_ja="難民の自立促進"
    )
    soka = OrganizationFactory(name_en="Soka Gakkai", name_ja="創価学会", slug="soka")
    mofa = OrganizationFactory(
        name_en="Ministry of Foreign Affairs of Japan", name_ja="外務省", slug="mofa"
    )
    welcome = OrganizationFactory(
        name_en="Welcome Japan", name_ja="ウェルカムジャパン", slug="welcome"
    )
    music = PledgeFactory(
        title_en='"Music Brings Us Together" in Jordan',
        title_ja="ヨルダンでの「音楽でつながる」",
        lead_organization=soka,
        objectives=[objective],
        countries=["JO"],
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    PledgeFactory(
        title_en="Humanitarian-Development-Peace Nexus",
        title_ja="人道・開発・平和の連携",
        lead_organization=mofa,
        countries=["UG", "ZM", "JO", "TR", "KE", "BD", "UA", "CO"],
    )
    PledgeFactory(
        title_en="Refugees in Japan's labour market",
        title_ja="日本の労働市場への難民の包摂",
        lead_organization=welcome,
        countries=["JP"],
    )
    trainees = IndicatorFactory(
        pledge=music, name_en="Music trainees", name_ja="音楽研修生", target=120
    )
    now = timezone.now()
    for days_ago, stage, progress, value, text in [
        (400, "planning", 10, 30, "Teachers recruited in Amman."),
        (250, "in_progress", 40, 60, "First workshops with 400 children."),
        (90, "in_progress", 75, 91, "91 trainees; music therapy begins."),
    ]:
        update = ProgressUpdateFactory(
            pledge=music, organization=soka, published=True, stage=stage, progress=progress,
            achievements=text,
        )  # fmt: skip
        update.published_at = now - datetime.timedelta(days=days_ago)
        update.save()
        IndicatorValueFactory(update=update, indicator=trainees, value=value)
    pledge_refresh_current_state(pledge=music)
    evidence.attachments_change(update=update, add=[evidence.check_upload(upload("report.pdf"))])
    MeetingFactory(
        number=1,
        date=TODAY - datetime.timedelta(days=150),
        title_en="First network meeting",
        title_ja="第1回ネットワーク会合",
    )
    meeting = MeetingFactory(
        number=2,
        date=TODAY + datetime.timedelta(days=30),
        update_deadline=TODAY + datetime.timedelta(days=10),
        title_en="Second network meeting",
        title_ja="第2回ネットワーク会合",
    )
    AgendaItemFactory(meeting=meeting, title_en="Progress", title_ja="進捗").pledges.add(music)
    MembershipFactory(
        organization=welcome, user=UserFactory(username="welcome-editor", email="w@example.org")
    )
    return {"music": music, "soka": soka, "meeting": meeting}


@LANGS
def test_the_dashboard_maps_where_pledges_act(page, live_server, network, screenshot, lang):
    page.goto(live_server.url + "/")
    heading = "プレッジの実施国" if lang == "ja" else "Where the pledges act"
    section = page.locator("#by-country")
    expect(section.get_by_role("heading", name=heading)).to_be_visible()
    expect(section.locator(".map-marker")).to_have_count(9)
    jordan = "ヨルダン" if lang == "ja" else "Jordan"
    row = section.locator("tbody tr", has_text=jordan)
    expect(row.locator("td").first).to_have_text("2")
    assert axe_violations(page, "#by-country") == []
    section.scroll_into_view_if_needed()
    screenshot(page, f"issue14-dashboard-{lang}")
    screenshot(section, f"issue14-map-{lang}")
    page.emulate_media(media="print")
    expect(section.locator(".world-map-svg")).to_be_visible()
    page.emulate_media(media="screen")
    row.get_by_role("link", name=jordan).click()
    expect(page).to_have_url(f"{live_server.url}/pledges/?country=JO")
    expect(page.locator("main")).to_contain_text(
        "人道・開発・平和の連携" if lang == "ja" else "Humanitarian"
    )


@LANGS
def test_the_pledge_page_shows_how_it_moved(page, live_server, network, screenshot, lang):
    page.goto(
        network["music"].get_absolute_url().join([live_server.url, ""])
        if False
        else live_server.url + network["music"].get_absolute_url()
    )
    history = page.locator(".pledge-history")
    expect(
        history.get_by_role("heading", name="これまでの歩み" if lang == "ja" else "How it moved")
    ).to_be_visible()
    expect(history.locator(".history-chart")).to_have_count(2)
    expect(history.locator("table").first.locator("tbody tr")).to_have_count(3)
    expect(
        history.get_by_role(
            "link", name="第2回ネットワーク会合" if lang == "ja" else "Second network meeting"
        )
    ).to_be_visible()
    expect(page.get_by_text("ヨルダン" if lang == "ja" else "Jordan").first).to_be_visible()
    expect(page.get_by_role("link", name="report.pdf")).to_be_visible()
    assert page.locator('link[rel="alternate"][type="application/atom+xml"]').count() == 2
    assert axe_violations(page, ".pledge-history", ".pledge-actions", ".definition-grid") == []
    screenshot(page, f"issue14-pledge-{lang}")
    with page.expect_download() as download:
        page.get_by_role("link", name="report.pdf").click()
    assert download.value.suggested_filename == "report.pdf"
    with open(download.value.path(), "rb") as f:
        assert f.read() == SAMPLES["report.pdf"]


@LANGS
def test_a_reader_follows_a_pledge_and_sees_it_listed(page, live_server, network, screenshot, lang):
    UserFactory(username="reader", preferred_language=lang)
    sign_in(page, live_server, "reader", DEFAULT_PASSWORD)
    page.goto(live_server.url + network["music"].get_absolute_url())
    page.get_by_role(
        "button", name="このプレッジをフォロー" if lang == "ja" else "Follow this pledge"
    ).click()
    expect(
        page.get_by_role("button", name="フォローをやめる" if lang == "ja" else "Unfollow")
    ).to_be_visible()
    page.get_by_role(
        "link", name="フォロー中の一覧" if lang == "ja" else "Everything you follow"
    ).click()
    expect(
        page.get_by_role(
            "link",
            name="ヨルダンでの「音楽でつながる」"
            if lang == "ja"
            else '"Music Brings Us Together" in Jordan',
        )
    ).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, f"issue14-following-{lang}")
    page.goto(live_server.url + "/")
    page.locator("header").get_by_role(
        "link", name="フォロー中" if lang == "ja" else "Following", exact=True
    ).click()
    expect(page).to_have_url(live_server.url + "/accounts/following/")

    follow = Follow.objects.get()
    page.goto(live_server.url + f"/unsubscribe/{following.unsubscribe_token(follow)}/")
    assert axe_violations(page) == []
    screenshot(page, f"issue14-unsubscribe-{lang}")
    page.get_by_role(
        "button", name="メールを停止する" if lang == "ja" else "Stop these emails"
    ).click()
    expect(page.locator("main")).to_contain_text(
        "フォローをやめました" if lang == "ja" else "You no longer follow"
    )
    assert not Follow.objects.exists()


@LANGS
def test_a_focal_point_attaches_evidence(page, live_server, network, screenshot, lang, tmp_path):
    editor = MembershipFactory(
        organization=network["soka"], user=UserFactory(username="soka-editor")
    ).user
    assert editor
    sign_in(page, live_server, "soka-editor", DEFAULT_PASSWORD)
    page.goto(live_server.url + f"/pledges/{network['music'].pk}/updates/new/")
    good, bad = tmp_path / "workshops.pdf", tmp_path / "setup.pdf"
    good.write_bytes(SAMPLES["report.pdf"])
    bad.write_bytes(b"MZ\x90\x00" + b"\x00" * 60)
    page.set_input_files("input[name=evidence]", [str(good), str(bad)])
    page.get_by_role("button", name="下書き保存" if lang == "ja" else "Save draft").click()
    expect(page.locator(".invalid-feedback, .text-danger").first).to_contain_text("setup.pdf")
    assert axe_violations(page, "form fieldset:has(input[name=evidence])") == []
    screenshot(page, f"issue14-evidence-refused-{lang}")
    page.set_input_files("input[name=evidence]", [str(good)])
    page.get_by_role("button", name="下書き保存" if lang == "ja" else "Save draft").click()
    # Saving a draft stays on the form (issue 13), now at the draft's own address.
    expect(page).to_have_url(re.compile(r"/updates/\d+/edit/$"))
    update = network["music"].updates.get(state="draft")
    assert [a.name for a in update.attachments.all()] == ["workshops.pdf"]
    page.goto(live_server.url + f"/updates/{update.pk}/edit/")
    expect(page.get_by_role("link", name="workshops.pdf")).to_be_visible()
    screenshot(page, f"issue14-evidence-form-{lang}")


@LANGS
def test_the_secretariat_sends_reminders_now(page, live_server, network, screenshot, lang):
    SecretariatUserFactory(username="secretariat-browser", preferred_language=lang)
    sign_in(page, live_server, "secretariat-browser", DEFAULT_PASSWORD)
    page.goto(live_server.url + network["meeting"].get_absolute_url())
    page.get_by_role(
        "button", name="今すぐリマインダーを送る" if lang == "ja" else "Send reminders now"
    ).click()
    expect(page.locator(".alert-success")).to_contain_text("w@example.org")
    assert axe_violations(page, ".secretariat-panel", ".alert") == []
    screenshot(page, f"issue14-reminders-{lang}")
