"""The meeting-day view of the report: one part per screen, plain links between them."""

import pytest
from django.urls import reverse

from meetings.report import meeting_report
from meetings.screens import report_screens
from tests.meetings.test_report import scenario  # noqa: F401 - the shared fixture

pytestmark = pytest.mark.django_db


def test_screens_go_from_the_cover_to_who_has_not_reported(scenario):  # noqa: F811
    kinds = [s.kind for s in report_screens(meeting_report(scenario["second"]))]
    assert kinds[0] == "cover"
    assert kinds[-1] == "not_reported"
    # The network had a stage change, a fulfilled pledge, indicators and participation.
    for kind in ["stages", "stage_changes", "fulfilled", "indicators", "participation"]:
        assert kind in kinds
    # Objectives 3 and 4 serve no pledge, JBF published nothing: no empty screens.
    assert kinds.count("objective") == 2
    assert kinds.count("organization") == 2


def test_each_screen_links_to_its_neighbours_without_javascript(
    client,
    public_dashboard,
    scenario,  # noqa: F811
):
    count = len(report_screens(meeting_report(scenario["second"])))
    first = client.get(reverse("meetings:report_screen", args=[2])).content.decode()
    assert "Screen 1 of" in first
    assert 'accesskey="n"' in first and 'accesskey="p"' not in first
    assert reverse("meetings:report_screen", args=[2, 2]) in first
    assert "<script" not in first

    middle = client.get(reverse("meetings:report_screen", args=[2, 3])).content.decode()
    assert 'accesskey="p"' in middle and 'accesskey="n"' in middle
    assert f'href="{reverse("meetings:report_screen", args=[2, 2])}"' in middle
    assert f'href="{reverse("meetings:report_screen", args=[2, 4])}"' in middle

    last = client.get(reverse("meetings:report_screen", args=[2, count])).content.decode()
    assert 'accesskey="n"' not in last
    assert "End: back to the report" in last


def test_screens_beyond_the_last_are_not_found(client, public_dashboard, scenario):  # noqa: F811
    count = len(report_screens(meeting_report(scenario["second"])))
    assert client.get(reverse("meetings:report_screen", args=[2, count + 1])).status_code == 404
    assert client.get(reverse("meetings:report_screen", args=[2, 0])).status_code == 404


def test_screens_follow_the_network_pages_rule(client, scenario):  # noqa: F811
    response = client.get(reverse("meetings:report_screen", args=[2]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_screens_are_in_japanese_for_japanese_readers(
    client,
    public_dashboard,
    scenario,  # noqa: F811
):
    html = client.get(
        reverse("meetings:report_screen", args=[2]), HTTP_ACCEPT_LANGUAGE="ja"
    ).content.decode()
    assert '<html lang="ja">' in html
    assert "第2回 日本GRFネットワーク会合" in html
    assert "次へ" in html
