"""A report opened before its meeting says it is interim, on the page and in the PDF."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import MeetingFactory
from tests.meetings.test_report import _pdf_text, weasyprint_available  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_report_before_its_meeting_is_interim_on_the_page(client, public_dashboard):
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=20))
    html = client.get(reverse("meetings:report", args=[meeting.number])).content.decode()
    assert "Interim: progress so far, as of" in html


def test_a_report_after_its_meeting_is_not_interim(client, public_dashboard):
    meeting = MeetingFactory(date=timezone.localdate() - datetime.timedelta(days=20))
    html = client.get(reverse("meetings:report", args=[meeting.number])).content.decode()
    assert "Interim" not in html


def test_the_interim_pdf_says_so_in_its_running_footer(
    client,
    public_dashboard,
    weasyprint_available,  # noqa: F811
):
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=20))
    response = client.get(reverse("meetings:report_pdf", args=[meeting.number]))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = _pdf_text(content).replace("\n", " ")
    # On every page after the cover, at the bottom.
    assert text.count("Interim: progress so far, as of") >= 2
