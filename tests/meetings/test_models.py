import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import Meeting
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_meeting_numbers_are_unique():
    MeetingFactory(number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(number=1)


def test_two_meetings_cannot_share_a_date():
    MeetingFactory(date=datetime.date(2025, 4, 30))
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(date=datetime.date(2025, 4, 30))


def test_update_deadline_after_the_meeting_is_refused():
    meeting = MeetingFactory.build(
        date=datetime.date(2025, 4, 30), update_deadline=datetime.date(2025, 5, 1)
    )
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "The update deadline must not be after the meeting." in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting.save()
    assert not Meeting.objects.exists()


def test_update_deadline_defaults_to_two_weeks_before_the_meeting():
    meeting = Meeting(number=9, title_en="Ninth", date=datetime.date(2026, 4, 30))
    meeting.full_clean()
    assert meeting.update_deadline == datetime.date(2026, 4, 16)
