"""Joint pledges in the meeting report, its meeting-day view, its PDF and the meeting page:
each update is counted and quoted once, under the organization that reported it, and says
who reported it; a co-pledging organization lists the joint pledge as its partner's report.

The scenario (``joint``), in the period of the next meeting (the current one):

| pledge       | lead     | co       | reported in the period by           |
|--------------|----------|----------|-------------------------------------|
| Scholarships | JICUF    | Pathways | Pathways only (the co-pledger)      |
| Hiring fairs | Welcome  | JICUF    | Welcome only (the lead)             |
| Mentoring    | JICUF    | Welcome  | nobody                              |

JICUF reported nothing itself; Welcome Japan has no Japanese name.
"""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from meetings.report import meeting_report
from meetings.screens import report_screens
from tests.factories import (
    IndicatorFactory,
    MeetingFactory,
    ObjectiveFactory,
    OrganizationFactory,
    PledgeFactory,
)
from tests.meetings.test_selectors import publish

pytestmark = pytest.mark.django_db

SCHOLARS = "21 scholars enrolled at four universities."
SCHOLARS_JOINING = "Former scholars mentored the new intake."
FAIRS = "Three hiring fairs held in Tokyo."


@pytest.fixture
def joint():
    today = timezone.localdate()
    MeetingFactory(number=1, date=today - datetime.timedelta(days=120))
    meeting = MeetingFactory(
        number=2, date=today + datetime.timedelta(days=30), title_en="Second meeting"
    )
    objective = ObjectiveFactory(number=1)
    jicuf = OrganizationFactory(
        name_en="Japan ICU Foundation", name_ja="日本国際基督教大学財団", slug="jicuf"
    )
    pathways = OrganizationFactory(
        name_en="Pathways Japan", name_ja="パスウェイズ・ジャパン", slug="pathways"
    )
    welcome = OrganizationFactory(name_en="Welcome Japan", name_ja="", slug="welcome")
    scholarships = PledgeFactory(
        title_en="Scholarships",
        title_ja="奨学金",
        lead_organization=jicuf,
        co_organizations=[pathways],
        objectives=[objective],
    )
    fairs = PledgeFactory(
        title_en="Hiring fairs",
        title_ja="就職フェア",
        lead_organization=welcome,
        co_organizations=[jicuf],
        objectives=[objective],
    )
    mentoring = PledgeFactory(
        title_en="Mentoring",
        title_ja="メンタリング",
        lead_organization=jicuf,
        co_organizations=[welcome],
        objectives=[objective],
    )
    scholars = IndicatorFactory(pledge=scholarships, name_en="Scholars", unit="people")
    recently = timezone.now() - datetime.timedelta(days=10)
    publish(
        scholarships,
        "in_progress",
        recently,
        achievements=SCHOLARS,
        participation=SCHOLARS_JOINING,
        values={scholars: 21},
        org=pathways,
    )
    publish(fairs, "in_progress", recently, achievements=FAIRS, org=welcome)
    return {
        "meeting": meeting,
        "jicuf": jicuf,
        "pathways": pathways,
        "welcome": welcome,
        "scholarships": scholarships,
        "fairs": fairs,
        "mentoring": mentoring,
    }


def _sections(report):
    return {s.organization.slug: s for s in report.organizations}


def _titles(pledges):
    return [p.title_en for p in pledges]


def _article(html: str, slug: str) -> str:
    """An organization's section of the report page."""
    start = html.index(f'id="organization-{slug}"')
    return html[start : html.index("</article>", start)]


def test_each_update_is_counted_and_quoted_under_its_reporter_only(joint):
    sections = _sections(meeting_report(joint["meeting"]))
    jicuf, pathways, welcome = sections["jicuf"], sections["pathways"], sections["welcome"]

    assert jicuf.updates == [] and jicuf.highlights == [] and jicuf.movements == []
    assert [u.achievements for u in pathways.highlights] == [SCHOLARS]
    assert [m.indicator.name_en for m in pathways.movements] == ["Scholars"]
    assert [u.achievements for u in welcome.highlights] == [FAIRS]
    # The joint pledges JICUF shares, each with who reported it.
    assert _titles(jicuf.partner_reported) == ["Scholarships", "Hiring fairs"]
    assert [p.reported_by.slug for p in jicuf.partner_reported] == ["pathways", "welcome"]
    assert pathways.partner_reported == [] and welcome.partner_reported == []
    # Pledge facts are the pledge's: updated for every organization of it, counted once
    # per organization like the dashboard's roll-ups.
    assert len(jicuf.updated) == 2 and _titles(jicuf.without_update) == ["Mentoring"]
    assert _titles(jicuf.stage_changes) == ["Scholarships", "Hiring fairs"]
    # Counted once: the sections' updates add up to the network's.
    assert sum(len(s.updates) for s in sections.values()) == 2


def test_report_page_quotes_a_joint_update_once_and_says_who_reported_it(
    client, public_dashboard, joint
):
    html = client.get(reverse("meetings:report", args=[2])).content.decode()

    assert html.count(SCHOLARS) == 1 and html.count(FAIRS) == 1
    assert "Reported by Pathways Japan, on “Scholarships”" in html
    assert "Reported by Welcome Japan, on “Hiring fairs”" in html
    jicuf = _article(html, "jicuf")
    assert SCHOLARS not in jicuf and SCHOLARS_JOINING not in jicuf and FAIRS not in jicuf
    assert "No update from this organization was published in the period." in jicuf
    assert "Joint pledges a partner reported on" in jicuf
    assert "Reported by Pathways Japan" in jicuf and "Reported by Welcome Japan" in jicuf
    pathways = _article(html, "pathways")
    assert SCHOLARS in pathways and SCHOLARS_JOINING in pathways
    assert "Joint pledges a partner reported on" not in pathways
    assert "No update from this organization" not in pathways


def test_report_page_in_japanese_says_who_reported_with_the_names_language(
    client, public_dashboard, joint
):
    html = client.get(reverse("meetings:report", args=[2]), HTTP_ACCEPT_LANGUAGE="ja")
    html = html.content.decode()

    assert "パスウェイズ・ジャパンが報告" in html
    # A name known only in English is marked as English inside the Japanese sentence.
    assert '<span lang="en">Welcome Japan</span>が報告' in html
    jicuf = _article(html, "jicuf")
    assert "パートナー団体が報告した共同プレッジ" in jicuf
    assert SCHOLARS not in jicuf


def test_who_has_not_reported_counts_a_partners_update_for_the_joint_pledge(
    client, secretariat, joint
):
    report = meeting_report(joint["meeting"])
    due = {o.slug: _titles(o.pending_pledges) for o in report.without_update_by_organization}
    assert due == {"jicuf": ["Mentoring"], "welcome": ["Mentoring"]}

    client.force_login(secretariat)
    page = client.get(reverse("meetings:detail", args=[2]))
    on_page = {o.slug: _titles(o.pending_pledges) for o in page.context["not_reported"]}
    assert on_page == due


def test_meeting_day_view_shows_reporters_and_partner_reported_pledges(
    client, public_dashboard, joint
):
    screens = report_screens(meeting_report(joint["meeting"]))
    # Only organizations that reported themselves get a screen.
    titles = [s.title for s in screens if s.kind == "organization"]
    assert titles == ["Pathways Japan", "Welcome Japan"]
    number = [s.title for s in screens].index("Pathways Japan") + 1
    html = client.get(reverse("meetings:report_screen", args=[2, number])).content.decode()
    assert "Reported by Pathways Japan, on “Scholarships”" in html
    assert html.count(SCHOLARS) == 1


@pytest.mark.parametrize(
    "language, reported_by",
    [("en", "Reported by Pathways Japan"), ("ja", "パスウェイズ・ジャパンが報告")],
)
def test_pdf_report_says_who_reported_a_joint_update(joint, language, reported_by):
    """The PDF is built from the same templates; its HTML is checked here (WeasyPrint may
    be missing on the machine running the tests)."""
    report = meeting_report(joint["meeting"])
    request = RequestFactory().get("/")
    with translation.override(language):
        html = render_to_string(
            "meetings/report_pdf.html",
            {"report": report, "meeting": report.meeting},
            request=request,
        )
    assert reported_by in html
    assert html.count(SCHOLARS) == 1
    assert SCHOLARS not in _article(html, "jicuf")
