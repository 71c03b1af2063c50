"""Events that are not network meetings: listed as such, with their own page, no report."""

import datetime

import pytest
from django.urls import reverse

from meetings.calendar import current_period, period_for_meeting
from meetings.models import Meeting
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    return Meeting.objects.create(
        kind=Meeting.Kind.EVENT,
        title_en="GRF Progress Review",
        title_ja="GRF進捗レビュー会合",
        date=datetime.date(2025, 12, 15),
        update_deadline=datetime.date(2025, 12, 15),
        venue_en="CICG, Geneva",
        summary_en="The mid-term review.",
        source_url="https://example.org/review",
    )


def test_an_event_is_listed_as_not_a_network_meeting(client, event, public_dashboard):
    html = client.get(reverse("meetings:list")).content.decode()
    assert "GRF Progress Review" in html
    assert "Other event: not a network meeting" in html
    assert f'href="/meetings/events/{event.pk}/"' in html


def test_an_event_page_says_what_it_is_and_links_its_source(client, event, public_dashboard):
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Other event: not a network meeting" in html
    assert "15 December 2025" in html and "CICG, Geneva" in html
    assert 'href="https://example.org/review"' in html
    assert "close no reporting period" in html


def test_an_event_page_in_japanese_marks_english_text(client, event, public_dashboard):
    html = client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "GRF進捗レビュー会合" in html
    assert '<span lang="en">CICG, Geneva</span>' in html
    assert '<div lang="en"><p>The mid-term review.</p></div>' in html


def test_a_network_meeting_has_no_event_page(client, public_dashboard):
    meeting = MeetingFactory()
    url = reverse("meetings:event", args=[meeting.pk])
    assert client.get(url).status_code == 404


def test_an_event_closes_no_reporting_period(event):
    first = MeetingFactory(number=1, date=datetime.date(2025, 9, 1))
    second = MeetingFactory(number=2, date=datetime.date(2026, 4, 30))
    assert period_for_meeting(second).previous_meeting == first
    # On the day of the event, the period under way is still the one the second meeting closes.
    assert current_period(datetime.date(2025, 12, 15)).meeting == second


def test_an_unpublished_event_is_hidden_from_the_public(client, event, public_dashboard):
    Meeting.objects.filter(pk=event.pk).update(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
