import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    IndicatorFactory,
    MeetingFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _tokyo(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def past_and_upcoming():
    return {
        "old": MeetingFactory(number=1, date=TODAY - datetime.timedelta(days=400)),
        "last": MeetingFactory(number=2, date=TODAY - datetime.timedelta(days=30)),
        "next": MeetingFactory(number=3, date=TODAY + datetime.timedelta(days=20)),
        "later": MeetingFactory(number=4, date=TODAY + datetime.timedelta(days=200)),
    }


def test_meetings_list_shows_upcoming_soonest_first_then_past_latest_first(
    client, public_dashboard, past_and_upcoming
):
    html = client.get(reverse("meetings:list")).content.decode()
    order = [
        "Upcoming",
        "Demo network meeting 3",
        "Demo network meeting 4",
        "Past meetings",
        "Demo network meeting 2",
        "Demo network meeting 1",
    ]
    assert [html.index(text) for text in order] == sorted(html.index(text) for text in order)


def test_meeting_page_shows_agenda_presenters_pledges_attendance_and_deadline(
    client, public_dashboard
):
    mofa = OrganizationFactory(name_en="Ministry of Foreign Affairs of Japan")
    unhcr = OrganizationFactory(name_en="UNHCR Japan")
    meeting = MeetingFactory(
        number=5,
        date=datetime.date(2026, 4, 30),
        update_deadline=datetime.date(2026, 4, 16),
        venue_en="United Nations University, Tokyo",
        summary_en="The network reviewed progress.",
        summary_ja="ネットワークは進捗を確認した。",
        co_hosts=[mofa, unhcr],
    )
    pledge = PledgeFactory(title_en="Music Brings Us Together")
    item = AgendaItemFactory(meeting=meeting, title_en="Progress updates", presenter=unhcr)
    item.pledges.add(pledge)
    AttendanceFactory(meeting=meeting, organization=mofa)

    html = client.get(reverse("meetings:detail", args=[5])).content.decode()
    for text in [
        "United Nations University, Tokyo",
        "Progress updates",
        "Presented by",
        "Music Brings Us Together",
        "16 April 2026",
        "The network reviewed progress.",
        "Ministry of Foreign Affairs of Japan",
    ]:
        assert text in html
    assert "Who has not reported" not in html

    html_ja = client.get(
        reverse("meetings:detail", args=[5]), HTTP_ACCEPT_LANGUAGE="ja"
    ).content.decode()
    assert "ネットワークは進捗を確認した。" in html_ja


def test_secretariat_sees_who_has_not_reported_on_the_meeting_page(client, secretariat):
    MeetingFactory(number=1, date=datetime.date(2025, 4, 30))
    meeting = MeetingFactory(number=2, date=datetime.date(2025, 10, 20))
    silent = OrganizationFactory(name_en="Silent Org")
    PledgeFactory(lead_organization=silent, title_en="Forgotten pledge")
    reported = PledgeFactory(title_en="Reported pledge")
    ProgressUpdateFactory(pledge=reported, published=True, published_at=_tokyo(meeting.date))

    client.force_login(secretariat)
    response = client.get(reverse("meetings:detail", args=[2]))
    html = response.content.decode()
    assert "Who has not reported" in html
    assert "Silent Org" in html and "Forgotten pledge" in html
    assert [o.name for o in response.context["not_reported"]] == ["Silent Org"]


@pytest.mark.parametrize(
    ("who", "names_shown"),
    [("anonymous", False), ("plain_user", True), ("viewer", True), ("secretariat", True)],
)
def test_attendees_names_are_shown_to_signed_in_users_only(
    client, public_dashboard, request, who, names_shown
):
    meeting = MeetingFactory(number=6)
    AttendanceFactory(
        meeting=meeting,
        organization=OrganizationFactory(name_en="UNHCR Japan"),
        attendees="Hanako Yamada\nTaro Suzuki",
    )
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    html = client.get(reverse("meetings:detail", args=[6])).content.decode()
    assert "UNHCR Japan" in html  # the organizations stay public
    assert ("Hanako Yamada" in html) is names_shown
    assert ("Taro Suzuki" in html) is names_shown


@pytest.mark.parametrize("view", ["detail", "report", "ics"])
@pytest.mark.parametrize(
    ("who", "public", "expected"),
    [
        ("anonymous", False, 302),
        ("anonymous", True, 200),
        ("plain_user", False, 200),
        ("outsider", False, 200),
        ("viewer", False, 200),
        ("editor", False, 200),
        ("secretariat", False, 200),
    ],
)
def test_meeting_pages_follow_the_network_pages_rule(
    client, settings, request, view, who, public, expected
):
    settings.GRFNET_PUBLIC_DASHBOARD = public
    MeetingFactory(number=1)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(reverse(f"meetings:{view}", args=[1]))
    assert response.status_code == expected
    if expected == 302:
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("view", ["detail", "report", "ics", "report_pdf"])
def test_an_unpublished_meeting_is_hidden_except_from_the_secretariat(
    client, request, view, editor
):
    MeetingFactory(number=7, is_published=False)
    client.force_login(editor)
    assert client.get(reverse(f"meetings:{view}", args=[7])).status_code == 404
    assert "Demo network meeting 7" not in client.get(reverse("meetings:list")).content.decode()
    if view != "report_pdf":
        client.force_login(request.getfixturevalue("secretariat"))
        assert client.get(reverse(f"meetings:{view}", args=[7])).status_code == 200


def test_unknown_meeting_number_is_404(client, public_dashboard):
    assert client.get(reverse("meetings:detail", args=[99])).status_code == 404


# Fixed query counts at two data sizes -------------------------------------------------


def _network(size):
    """``size`` organizations, each with two pledges, updates in two periods, agenda items,
    attendance and indicators."""
    first = MeetingFactory(number=1, date=datetime.date(2025, 4, 30))
    second = MeetingFactory(number=2, date=datetime.date(2025, 10, 20))
    for n in range(size):
        organization = OrganizationFactory()
        second.co_hosts.add(organization)
        AttendanceFactory(meeting=second, organization=organization)
        for k in range(2):
            pledge = PledgeFactory(lead_organization=organization)
            indicator = IndicatorFactory(pledge=pledge)
            ProgressUpdateFactory(
                pledge=pledge,
                published=True,
                stage="planning",
                published_at=_tokyo(datetime.date(2025, 1, 10)),
                refugee_participation="Refugees co-designed it.",
            )
            if k == 0:
                update = ProgressUpdateFactory(
                    pledge=pledge,
                    published=True,
                    stage="fulfilled" if n % 2 else "in_progress",
                    published_at=_tokyo(datetime.date(2025, 7, 10)),
                )
                update.indicator_values.create(indicator=indicator, value=n + 5)
            item = AgendaItemFactory(meeting=second, presenter=organization)
            item.pledges.add(pledge)
    return first, second


@pytest.mark.parametrize("size", [2, 8])
def test_meetings_list_runs_a_fixed_number_of_queries(
    client, public_dashboard, django_assert_num_queries, size
):
    _network(size)
    with django_assert_num_queries(3):  # the data version, meetings, their co-hosts
        assert client.get(reverse("meetings:list")).status_code == 200
    with django_assert_num_queries(1):  # the body is cached until the data changes
        assert client.get(reverse("meetings:list")).status_code == 200


@pytest.mark.parametrize("size", [2, 8])
def test_meeting_page_runs_a_fixed_number_of_queries(
    client, secretariat, django_assert_num_queries, size
):
    _network(size)
    client.force_login(secretariat)
    # session, user, secretariat group membership, the meeting for the page's title, the data
    # version, meeting with co-hosts, agenda, presenters, pledges, attendance and
    # organizations, period, update count, pledges not reported with their organizations
    with django_assert_num_queries(16):
        response = client.get(reverse("meetings:detail", args=[2]))
    assert response.status_code == 200
    assert len(response.context["meeting"].agenda_items.all()) == 2 * size


@pytest.mark.parametrize("size", [2, 8])
def test_meeting_report_runs_a_fixed_number_of_queries(
    client, public_dashboard, django_assert_num_queries, size
):
    _network(size)
    with django_assert_num_queries(9):  # the meeting, the data version, the report's seven
        response = client.get(reverse("meetings:report", args=[2]))
    assert response.status_code == 200
    assert response.context["report"].network.pledge_count == 2 * size


def test_anonymous_visitor_is_asked_to_sign_in_for_the_pdf_when_pages_are_private(client, settings):
    settings.GRFNET_PUBLIC_DASHBOARD = False
    MeetingFactory(number=1)
    response = client.get(reverse("meetings:report_pdf", args=[1]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_report_headings_go_down_one_level_at_a_time(client, public_dashboard):
    import re

    MeetingFactory(number=1)
    PledgeFactory()
    html = client.get(reverse("meetings:report", args=[1])).content.decode()
    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", html)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
