"""What a meeting offers: its report always, "Add to calendar" only while it is ahead."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_past_meeting_offers_its_report_but_no_calendar_entry(client, public_dashboard):
    MeetingFactory(number=1, date=TODAY - datetime.timedelta(days=30))
    html = client.get(reverse("meetings:detail", args=[1])).content.decode()
    assert "Meeting report" in html
    assert "Add to calendar" not in html
    listing = client.get(reverse("meetings:list")).content.decode()
    assert "Add to calendar" not in listing


def test_upcoming_meeting_offers_a_calendar_entry(client, public_dashboard):
    MeetingFactory(number=2, date=TODAY + datetime.timedelta(days=30))
    html = client.get(reverse("meetings:detail", args=[2])).content.decode()
    assert "Add to calendar" in html
    assert reverse("meetings:ics", args=[2]) in html
    assert "Add to calendar" in client.get(reverse("meetings:list")).content.decode()
