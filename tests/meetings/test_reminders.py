"""``manage.py send_update_reminders``: once per organization, meeting and stage."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from meetings.models import ReminderSent
from meetings.services import reminder_stage
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    OrganizationFactory,
    PledgeFactory,
    UserFactory,
)
from tests.meetings.test_selectors import publish, tokyo

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2026, 4, 16)
FOURTEEN_DAYS_BEFORE = DEADLINE - datetime.timedelta(days=14)
THREE_DAYS_BEFORE = DEADLINE - datetime.timedelta(days=3)


@pytest.fixture
def cycle(settings):
    settings.GRFNET_SITE_URL = "https://grfnet.example.org"
    MeetingFactory(number=1, date=datetime.date(2025, 10, 20))
    meeting = MeetingFactory(
        number=2,
        date=datetime.date(2026, 4, 30),
        update_deadline=DEADLINE,
        title_en="Second network meeting",
        title_ja="第2回ネットワーク会合",
    )
    late = OrganizationFactory(name_en="Late Org", slug="late")
    on_time = OrganizationFactory(name_en="On-time Org", slug="on-time")
    japanese_editor = MembershipFactory(
        organization=late,
        user=UserFactory(username="tanaka", email="tanaka@example.org", preferred_language="ja"),
    ).user
    english_editor = MembershipFactory(
        organization=late,
        user=UserFactory(username="smith", email="smith@example.org", preferred_language="en"),
    ).user
    MembershipFactory(organization=late, role="viewer", user=UserFactory(email="v@example.org"))
    MembershipFactory(organization=on_time, user=UserFactory(email="ok@example.org"))
    PledgeFactory(lead_organization=late, title_en="Scholarships", title_ja="奨学金")
    done = PledgeFactory(lead_organization=on_time)
    publish(done, "in_progress", tokyo(2026, 1, 10))
    return {"meeting": meeting, "ja": japanese_editor, "en": english_editor}


def _run(*args):
    out = StringIO()
    call_command("send_update_reminders", *args, stdout=out)
    return out.getvalue()


def test_editors_of_organizations_without_an_update_are_reminded_once(cycle):
    _run("--today", FOURTEEN_DAYS_BEFORE.isoformat())
    _run("--today", FOURTEEN_DAYS_BEFORE.isoformat())
    _run("--today", (FOURTEEN_DAYS_BEFORE + datetime.timedelta(days=1)).isoformat())
    assert sorted(m.to[0] for m in mail.outbox) == ["smith@example.org", "tanaka@example.org"]
    [record] = ReminderSent.objects.all()
    assert (record.organization.slug, record.days_before, record.pledge_count) == ("late", 14, 1)


def test_the_three_day_stage_sends_a_second_reminder_once(cycle):
    _run("--today", FOURTEEN_DAYS_BEFORE.isoformat())
    _run("--today", THREE_DAYS_BEFORE.isoformat())
    _run("--today", (THREE_DAYS_BEFORE + datetime.timedelta(days=2)).isoformat())
    assert len(mail.outbox) == 4  # two editors, two stages
    assert sorted(ReminderSent.objects.values_list("days_before", flat=True)) == [3, 14]


def test_each_editor_gets_the_reminder_in_their_language_with_pledges_deadline_and_link(cycle):
    _run("--today", FOURTEEN_DAYS_BEFORE.isoformat())
    by_recipient = {m.to[0]: m for m in mail.outbox}
    japanese = by_recipient["tanaka@example.org"]
    assert "2026年4月16日" in japanese.subject
    assert "奨学金" in japanese.body
    assert "https://grfnet.example.org/my/" in japanese.body
    assert "プレッジ" in japanese.body
    english = by_recipient["smith@example.org"]
    assert "April 16, 2026" in english.subject
    assert "Scholarships" in english.body
    assert "https://grfnet.example.org/my/" in english.body
    assert "Second network meeting" in english.body


def test_dry_run_sends_and_records_nothing(cycle):
    output = _run("--dry-run", "--today", FOURTEEN_DAYS_BEFORE.isoformat())
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()
    assert "Would remind late" in output and "Dry run: nothing was sent." in output


def test_nothing_is_sent_outside_the_schedule_or_without_a_meeting(cycle):
    _run("--today", (FOURTEEN_DAYS_BEFORE - datetime.timedelta(days=1)).isoformat())
    _run("--today", (DEADLINE + datetime.timedelta(days=1)).isoformat())
    _run("--today", "2027-01-01")  # no meeting scheduled
    assert mail.outbox == []


def test_a_bad_date_is_refused_with_a_message(cycle):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--today must be a date"):
        _run("--today", "16/04/2026")


@pytest.mark.parametrize(
    ("days_left", "stage"), [(15, None), (14, 14), (4, 14), (3, 3), (0, 3), (-1, None)]
)
def test_the_stage_due_is_the_latest_one_reached(days_left, stage):
    today = DEADLINE - datetime.timedelta(days=days_left)
    assert reminder_stage(deadline=DEADLINE, today=today) == stage
