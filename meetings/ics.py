"""A meeting as an iCalendar file (RFC 5545), so attendees can add it to their calendar."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import Meeting

PRODUCT_ID = "-//Japan GRF Network//grfnet//EN"
DEFAULT_LENGTH = datetime.timedelta(hours=2)  # of a meeting without an end time


def meeting_calendar(meeting: Meeting, *, request) -> bytes:
    """One VEVENT in the active language: a timed event when the meeting has a start time
    (in UTC, so every calendar shows it at the right local time; two hours long when it
    has no end time), else an all-day one."""
    event = Event()
    event.add("uid", f"meeting-{meeting.number}@{request.get_host()}")
    event.add("dtstamp", timezone.now())
    if meeting.start_time:
        start = timezone.make_aware(datetime.datetime.combine(meeting.date, meeting.start_time))
        if meeting.end_time:
            end = timezone.make_aware(datetime.datetime.combine(meeting.date, meeting.end_time))
        else:  # two hours, past midnight if need be
            end = start + DEFAULT_LENGTH
        event.add("dtstart", start.astimezone(datetime.UTC))
        event.add("dtend", end.astimezone(datetime.UTC))
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + datetime.timedelta(days=1))
    event.add("summary", meeting.title)
    if meeting.venue:
        event.add("location", meeting.venue)
    elif meeting.format == Meeting.Format.ONLINE:
        event.add("location", meeting.get_format_display())
    url = request.build_absolute_uri(meeting.get_absolute_url())
    event.add("url", url)
    description = [
        _("Progress updates are due by %(deadline)s.")
        % {"deadline": meeting.update_deadline.isoformat()},
        url,
    ]
    event.add("description", "\n\n".join(description))

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical()
