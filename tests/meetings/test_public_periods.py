"""Only published meetings make reporting periods: a meeting the secretariat is still
drafting changes no public figure, no workspace and no reminder."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from meetings.calendar import all_periods, current_period, period_for_meeting
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _tokyo(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def draft_between():
    """A published meeting 60 days ago, a draft one 10 days ago, a draft one in 20 days
    (with its update deadline in 6 days) and a published one in 100 days."""
    return {
        "last": MeetingFactory(number=1, date=TODAY - datetime.timedelta(days=60)),
        "past_draft": MeetingFactory(
            number=2, date=TODAY - datetime.timedelta(days=10), is_published=False
        ),
        "draft": MeetingFactory(
            number=3,
            date=TODAY + datetime.timedelta(days=20),
            update_deadline=TODAY + datetime.timedelta(days=6),
            is_published=False,
        ),
        "next": MeetingFactory(number=4, date=TODAY + datetime.timedelta(days=100)),
    }


def test_the_current_period_skips_unpublished_meetings(draft_between):
    period = current_period(TODAY)
    assert period.meeting == draft_between["next"]
    assert period.previous_meeting == draft_between["last"]
    assert period.start == timezone.make_aware(
        datetime.datetime.combine(draft_between["last"].date, datetime.time.min)
    ) + datetime.timedelta(days=1)


def test_a_meetings_period_starts_after_the_previous_published_meeting(draft_between):
    assert period_for_meeting(draft_between["next"]).previous_meeting == draft_between["last"]


def test_without_a_published_meeting_ahead_the_period_stays_open(draft_between):
    draft_between["next"].delete()
    period = current_period(TODAY)
    assert period.meeting is None and period.end is None
    assert period.previous_meeting == draft_between["last"]


def test_the_dashboard_leaves_unpublished_meetings_out_of_the_sentence_and_chart(
    client, public_dashboard, draft_between
):
    ProgressUpdateFactory(published=True, published_at=_tokyo(TODAY - datetime.timedelta(days=5)))
    response = client.get(reverse("dashboards:home"))
    html = response.content.decode()
    dashboard = response.context["dashboard"]
    assert [bar.meeting.number for bar in dashboard.periods] == [1, 4]
    assert [bar.count for bar in dashboard.periods] == [0, 1]
    assert dashboard.updates_this_period == 1
    assert dashboard.next_meeting.number == 4
    assert "to meeting #4 on" in html
    assert "Meeting #1 (" in html and "Meeting #4 (" in html
    assert "Meeting #2" not in html and "Meeting #3" not in html
    assert "meeting #2" not in html and "meeting #3" not in html


def test_the_workspace_names_the_next_published_meeting(client, editor, draft_between):
    client.force_login(editor)
    response = client.get(reverse("dashboards:workspace"))
    assert response.context["next_meeting"] == draft_between["next"]
    assert "Demo network meeting 3" not in response.content.decode()


def test_no_reminder_is_sent_for_an_unpublished_meeting(draft_between):
    # The draft meeting's deadline is 6 days away, a reminder stage; the published one's
    # (86 days away) is not.
    organization = OrganizationFactory()
    MembershipFactory(organization=organization, user=UserFactory(email="late@example.org"))
    PledgeFactory(lead_organization=organization)
    out = StringIO()
    call_command("send_update_reminders", "--today", TODAY.isoformat(), stdout=out)
    assert mail.outbox == []
    draft_between["draft"].is_published = True
    draft_between["draft"].save()
    call_command("send_update_reminders", "--today", TODAY.isoformat(), stdout=out)
    assert [m.to for m in mail.outbox] == [["late@example.org"]]


# No meetings at all ----------------------------------------------------------------------


def test_without_meetings_the_period_chart_says_there_are_none(client, public_dashboard):
    ProgressUpdateFactory(published=True, published_at=_tokyo(TODAY - datetime.timedelta(days=5)))
    html = client.get(reverse("dashboards:home")).content.decode()
    assert "No meetings yet." in html
    assert "Since " not in html and "under way" not in html
    assert all_periods(TODAY) == []


def test_with_only_unpublished_meetings_the_period_chart_says_there_are_none(
    client, public_dashboard
):
    MeetingFactory(number=1, date=TODAY - datetime.timedelta(days=30), is_published=False)
    html = client.get(reverse("dashboards:home")).content.decode()
    assert "No meetings yet." in html
    assert "Meeting #1" not in html
