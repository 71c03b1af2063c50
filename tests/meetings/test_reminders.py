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
    assert "16 April 2026" in english.subject
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


class _Refused(set):
    """Addresses the test mail backend refuses; ``connections`` lists the backends made."""

    connections: list


@pytest.fixture
def failing_address(monkeypatch):
    """Make the test mail backend refuse messages to the addresses added to the returned
    set, as an SMTP server refusing one recipient would."""
    from django.core.mail.backends import locmem

    refused = _Refused()
    refused.connections = []
    real_init, real_send = locmem.EmailBackend.__init__, locmem.EmailBackend.send_messages

    def init(self, *args, **kwargs):
        refused.connections.append(self)
        real_init(self, *args, **kwargs)

    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & refused:
                raise ConnectionRefusedError(f"refused {message.to}")
        return real_send(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "__init__", init)
    monkeypatch.setattr(locmem.EmailBackend, "send_messages", send_messages)
    return refused


@pytest.fixture
def grfnet_logs(monkeypatch, caplog):
    """The "grfnet" logger does not propagate to the root, where caplog listens."""
    import logging

    monkeypatch.setattr(logging.getLogger("grfnet"), "propagate", True)
    caplog.set_level(logging.INFO, logger="grfnet.meetings")
    return caplog


def test_a_recipient_who_cannot_be_reached_is_logged_and_the_others_are_not_sent_it_twice(
    cycle, failing_address, grfnet_logs
):
    failing_address.add("tanaka@example.org")  # the second editor, by username
    _run("--today", FOURTEEN_DAYS_BEFORE.isoformat())
    assert [m.to for m in mail.outbox] == [["smith@example.org"]]
    [record] = ReminderSent.objects.all()
    assert record.recipients == "smith@example.org"  # what was actually sent
    assert "tanaka@example.org" in grfnet_logs.text
    assert any(r.name == "grfnet.meetings" and r.levelname == "ERROR" for r in grfnet_logs.records)

    failing_address.clear()
    _run("--today", FOURTEEN_DAYS_BEFORE.isoformat())
    assert [m.to for m in mail.outbox] == [["smith@example.org"]]  # not re-sent


def test_an_organization_nobody_could_be_reached_at_is_tried_again_and_others_still_reminded(
    cycle, failing_address, grfnet_logs
):
    other = OrganizationFactory(name_en="Other Org", slug="other")
    MembershipFactory(organization=other, user=UserFactory(email="other@example.org"))
    PledgeFactory(lead_organization=other)
    failing_address.update({"smith@example.org", "tanaka@example.org"})
    _run("--today", FOURTEEN_DAYS_BEFORE.isoformat())
    assert [m.to for m in mail.outbox] == [["other@example.org"]]
    assert list(ReminderSent.objects.values_list("organization__slug", flat=True)) == ["other"]
    assert "smith@example.org" in grfnet_logs.text

    failing_address.clear()
    _run("--today", FOURTEEN_DAYS_BEFORE.isoformat())
    assert sorted(m.to[0] for m in mail.outbox) == [
        "other@example.org",
        "smith@example.org",
        "tanaka@example.org",
    ]
    assert ReminderSent.objects.count() == 2


def test_each_organizations_reminders_go_over_one_connection(cycle, failing_address):
    _run("--today", FOURTEEN_DAYS_BEFORE.isoformat())
    assert len(mail.outbox) == 2
    assert len(failing_address.connections) == 1


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
