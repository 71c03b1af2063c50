"""The meeting report (HTML and PDF) and the calendar file, for a seeded scenario."""

import builtins
import datetime
import io

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import pdf
from meetings.models import Meeting
from meetings.report import meeting_report
from tests.factories import (
    IndicatorFactory,
    MeetingFactory,
    ObjectiveFactory,
    OrganizationFactory,
    PledgeFactory,
)
from tests.meetings.test_selectors import publish, tokyo

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario():
    """Two meetings; in the second one's period: Sony's pledge moves from planning to
    fulfilled (through in progress), Soka Gakkai's music programme reports trainees and
    refugee participation, and JBF's pledge gets no update."""
    first = MeetingFactory(number=1, date=datetime.date(2024, 9, 11), title_ja="第1回会合")
    second = MeetingFactory(
        number=2,
        date=datetime.date(2025, 4, 30),
        title_en="Second network meeting",
        title_ja="第2回 日本GRFネットワーク会合",
    )
    protection = ObjectiveFactory(number=1, title_en="Ease pressures", title_ja="負担の軽減")
    self_reliance = ObjectiveFactory(
        number=2, title_en="Enhance refugee self-reliance", title_ja="難民の自立促進"
    )
    ObjectiveFactory(number=3)
    ObjectiveFactory(number=4)
    sony = OrganizationFactory(name_en="Sony Group", name_ja="ソニーグループ", slug="sony")
    soka = OrganizationFactory(name_en="Soka Gakkai", name_ja="創価学会", slug="soka")
    jbf = OrganizationFactory(
        name_en="Japan Buddhist Federation", name_ja="全日本仏教会", slug="jbf"
    )
    relief = PledgeFactory(
        title_en="Sony Global Relief Fund",
        title_ja="ソニー・グローバル・リリーフ・ファンド",
        lead_organization=sony,
        objectives=[self_reliance],
    )
    music = PledgeFactory(
        title_en="Music Brings Us Together",
        title_ja="音楽でつながる",
        lead_organization=soka,
        objectives=[self_reliance, protection],
    )
    temples = PledgeFactory(
        title_en="Temples welcome refugees",
        title_ja="寺院による難民の受け入れ",
        lead_organization=jbf,
        objectives=[protection],
    )
    trainees = IndicatorFactory(
        pledge=music, name_en="Music trainees", name_ja="音楽研修生", target=120
    )

    publish(relief, "planning", tokyo(2024, 6, 1))
    publish(relief, "in_progress", tokyo(2024, 11, 1))
    publish(relief, "fulfilled", tokyo(2025, 3, 1), achievements="USD 6 million disbursed.")
    publish(music, "in_progress", tokyo(2024, 8, 1), values={trainees: 40})
    publish(
        music,
        "in_progress",
        tokyo(2025, 2, 1),
        achievements="91 trainees and about 400 workshops.",
        participation="難民の若者が講師として参加した。",
        values={trainees: 91},
    )
    publish(temples, "planning", tokyo(2024, 7, 1))
    return {"first": first, "second": second, "relief": relief, "music": music, "jbf": jbf}


def test_report_sums_up_the_network_objectives_and_organizations(scenario):
    report = meeting_report(scenario["second"])
    network = report.network
    assert network.pledge_count == 3
    assert len(network.updates) == 3
    assert [p.title for p in network.stage_changes] == ["Sony Global Relief Fund"]
    assert [p.title for p in network.fulfilled] == ["Sony Global Relief Fund"]
    assert [p.title for p in network.without_update] == ["Temples welcome refugees"]
    [movement] = network.movements
    assert (movement.before, movement.after, movement.change) == (40, 91, 51)
    assert movement.share_of_target == 76

    by_objective = {s.title: s for s in report.objectives}
    assert len(by_objective["2. Enhance refugee self-reliance"].fulfilled) == 1
    assert len(by_objective["1. Ease pressures"].without_update) == 1
    by_organization = {s.title: s for s in report.organizations}
    assert [u.achievements for u in by_organization["Soka Gakkai"].highlights] == [
        "91 trainees and about 400 workshops."
    ]
    assert by_organization["Japan Buddhist Federation"].without_update


def test_the_reports_no_update_count_table_and_meeting_page_agree(client, secretariat, scenario):
    # An organization that left the network: its pledge still counts as without an update;
    # a pledge it led with an active co-pledger is listed under the co-pledger.
    gone = OrganizationFactory(name_en="Dissolved NGO", slug="gone", is_active=False)
    PledgeFactory(title_en="Orphan pledge", lead_organization=gone)
    PledgeFactory(
        title_en="Shared pledge", lead_organization=gone, co_organizations=[scenario["jbf"]]
    )

    report = meeting_report(scenario["second"])
    without_update = {p.title for p in report.network.without_update}
    assert without_update == {"Temples welcome refugees", "Orphan pledge", "Shared pledge"}
    by_organization = {
        o.name: [p.title for p in o.pending_pledges] for o in report.without_update_by_organization
    }
    assert by_organization == {
        "Japan Buddhist Federation": ["Temples welcome refugees", "Shared pledge"]
    }
    assert [p.title for p in report.without_update_elsewhere] == ["Orphan pledge"]
    in_table = {t for titles in by_organization.values() for t in titles} | {"Orphan pledge"}
    assert in_table == without_update

    client.force_login(secretariat)
    page = client.get(reverse("meetings:detail", args=[2]))
    assert [
        (o.name, [p.title for p in o.pending_pledges]) for o in page.context["not_reported"]
    ] == list(by_organization.items())

    html = client.get(reverse("meetings:report", args=[2])).content.decode()
    assert "3 pledges have no update published in the period." in html
    table = html[html.index("3 pledges have no update") :]
    for text in [
        "Japan Buddhist Federation",
        "Shared pledge",
        "No active organization",
        "Orphan pledge",
    ]:
        assert text in table, text
    assert "Dissolved NGO" not in table


def test_report_page_shows_changes_highlights_participation_and_who_did_not_report(
    client, public_dashboard, scenario
):
    html = client.get(reverse("meetings:report", args=[2])).content.decode()
    for text in [
        "Progress report",
        "Sony Global Relief Fund",
        "Planning stage",
        "Fulfilled",
        "91 trainees and about 400 workshops.",
        "難民の若者が講師として参加した。",
        "Music trainees",
        "+51",
        "Temples welcome refugees",
        "Pledges with no update in the period",
        "After the previous meeting",
        "Download PDF",
    ]:
        assert text in html, text


def test_the_first_meetings_report_covers_everything_since_the_pledges_were_made(
    client, public_dashboard, scenario
):
    report = meeting_report(scenario["first"])
    assert report.period.start is None
    assert {p.title for p in report.network.updated} == {
        "Sony Global Relief Fund",
        "Music Brings Us Together",
        "Temples welcome refugees",
    }
    html = client.get(reverse("meetings:report", args=[1])).content.decode()
    assert "Everything since the pledges were made" in html


def test_report_is_in_japanese_for_japanese_readers(client, public_dashboard, scenario):
    html = client.get(
        reverse("meetings:report", args=[2]), HTTP_ACCEPT_LANGUAGE="ja"
    ).content.decode()
    assert "進捗報告書" in html
    assert "ソニー・グローバル・リリーフ・ファンド" in html
    assert "達成" in html


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def weasyprint_available():
    try:
        pdf._weasyprint()
    except pdf.PdfUnavailable as error:
        pytest.skip(f"{error.__cause__!r}; {error} (CI installs them)")


@pytest.mark.parametrize(
    "failure",
    [
        OSError("cannot load library 'libpango-1.0-0'"),
        ImportError("No module named 'weasyprint'"),
        DeprecationWarning("libharfbuzz-subset0 is missing"),
    ],
)
def test_without_weasyprint_the_pdf_is_a_503_saying_why_in_the_readers_language(
    client, public_dashboard, scenario, monkeypatch, failure
):
    real_import = builtins.__import__

    def failing_import(name, *args, **kwargs):
        if name == "weasyprint":
            raise failure
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing_import)
    response = client.get(reverse("meetings:report_pdf", args=[2]), HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 503
    text = response.content.decode()
    assert "PDF" in text and "libpango-1.0-0" in text
    assert "WeasyPrint's system libraries" not in text  # said in Japanese
    english = client.get(reverse("meetings:report_pdf", args=[2]), HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 503
    assert "WeasyPrint's system libraries are missing" in english.content.decode()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ja",
            [
                "進捗報告書",
                "第2回 日本GRFネットワーク会合",
                "ソニー・グローバル・リリーフ・ファンド",
            ],
        ),
        ("en", ["Progress report", "Second network meeting", "Sony Global Relief Fund"]),
    ],
)
def test_report_pdf_is_an_a4_document_with_the_readers_language(
    client, public_dashboard, scenario, weasyprint_available, language, expected
):
    response = client.get(reverse("meetings:report_pdf", args=[2]), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"grfnet-meeting-2-report-{language}.pdf" in response["Content-Disposition"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"%PDF")
    text = _pdf_text(content)
    for phrase in expected:
        assert phrase in text, phrase
    # Japanese quoted from an update prints as Japanese, not as empty boxes.
    assert "難民の若者が講師として参加した。" in text

    from pypdf import PdfReader

    first_page = PdfReader(io.BytesIO(content)).pages[0]
    width_mm = float(first_page.mediabox.width) / 72 * 25.4
    height_mm = float(first_page.mediabox.height) / 72 * 25.4
    assert (round(width_mm), round(height_mm)) == (210, 297)


def test_calendar_file_parses_with_the_meetings_date_summary_and_place(client, public_dashboard):
    MeetingFactory(
        number=3,
        date=datetime.date(2025, 10, 20),
        start_time=datetime.time(14, 0),
        end_time=datetime.time(17, 0),
        title_en="Third network meeting",
        venue_en="UN House, Tokyo",
        update_deadline=datetime.date(2025, 10, 6),
    )
    response = client.get(reverse("meetings:ics", args=[3]))
    assert response["Content-Type"] == "text/calendar"
    calendar = icalendar.Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Third network meeting"
    assert str(event["LOCATION"]) == "UN House, Tokyo"
    start = event.decoded("DTSTART")
    assert timezone.localtime(start) == timezone.make_aware(datetime.datetime(2025, 10, 20, 14))
    assert timezone.localtime(event.decoded("DTEND")).hour == 17
    assert "2025-10-06" in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith("/meetings/3/")


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime.datetime(2025, 10, 20, 14), datetime.datetime(2025, 10, 20, 16)),
        (datetime.datetime(2025, 10, 20, 22, 30), datetime.datetime(2025, 10, 21, 0, 30)),
    ],
)
def test_calendar_event_without_an_end_time_lasts_two_hours(client, public_dashboard, start, end):
    MeetingFactory(number=3, date=start.date(), start_time=start.time())
    response = client.get(reverse("meetings:ics", args=[3]))
    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert timezone.localtime(event.decoded("DTSTART")) == timezone.make_aware(start)
    assert timezone.localtime(event.decoded("DTEND")) == timezone.make_aware(end)


def test_calendar_file_without_a_time_is_an_all_day_event_in_the_readers_language(
    client, public_dashboard
):
    MeetingFactory(number=4, date=datetime.date(2026, 4, 30), title_ja="第4回会合")
    response = client.get(reverse("meetings:ics", args=[4]), HTTP_ACCEPT_LANGUAGE="ja")
    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.date(2026, 4, 30)
    assert event.decoded("DTEND") == datetime.date(2026, 5, 1)
    assert str(event["SUMMARY"]) == "第4回会合"


def test_report_of_the_seeded_first_meeting_covers_the_progress_it_heard(
    client, public_dashboard, weasyprint_available
):
    from django.core.management import call_command

    call_command("loaddata", "reference", "network", verbosity=0)
    report = meeting_report(Meeting.objects.get(number=1))
    assert report.period.start is None  # the first meeting: everything since the pledges
    # Pledged by then: all but Robo Co-op's (December 2025). Heard: the eight updates of
    # the meeting and JICUF's report that its 2019 pledge is fulfilled.
    assert report.network.pledge_count == 22
    assert len(report.network.updates) == 9
    assert {p.stage_before for p in report.network.stage_changes} == {"none"}
    assert len(report.network.without_update) == 13

    response = client.get(reverse("meetings:report_pdf", args=[1]), HTTP_ACCEPT_LANGUAGE="ja")
    text = _pdf_text(b"".join(response.streaming_content)).replace("\n", "")  # lines may break
    assert "第1回 日本グローバル難民フォーラム・ネットワーク会合" in text
    assert "国連大学（東京）" in text
