""" "Send reminders now" on a meeting's page: the secretariat's button, the same
once-per-meeting-and-stage record as the scheduled command, and what it reports."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import ReminderSent
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    OrganizationFactory,
    PledgeFactory,
    SecretariatUserFactory,
    UserFactory,
)
from tests.meetings.test_reminders import failing_address  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def late(settings):
    """A meeting in 30 days whose update deadline is in 10 (the 14-day stage is due), an
    organization with two editors and a pledge without an update, one that has no editor
    with an email address, and the secretariat."""
    settings.GRFNET_SITE_URL = "https://grfnet.example.org"
    MeetingFactory(number=1, date=TODAY - datetime.timedelta(days=150))
    meeting = MeetingFactory(
        number=2,
        date=TODAY + datetime.timedelta(days=30),
        update_deadline=TODAY + datetime.timedelta(days=10),
        title_en="Second network meeting",
    )
    late_org = OrganizationFactory(name_en="Late Org", slug="late")
    for name, language in [("tanaka", "ja"), ("smith", "en")]:
        MembershipFactory(
            organization=late_org,
            user=UserFactory(
                username=name, email=f"{name}@example.org", preferred_language=language
            ),
        )
    PledgeFactory(lead_organization=late_org, title_en="Scholarships", title_ja="奨学金")
    silent = OrganizationFactory(name_en="Silent Org", slug="silent")
    MembershipFactory(organization=silent, user=UserFactory(email=""))
    PledgeFactory(lead_organization=silent)
    return {"meeting": meeting, "secretariat": SecretariatUserFactory()}


def _url(meeting):
    return reverse("meetings:send_reminders", kwargs={"number": meeting.number})


def _messages(response):
    return [str(m) for m in response.context["messages"]]


def _run_scheduled(today):
    call_command("send_update_reminders", "--today", today.isoformat(), stdout=StringIO())


def test_secretariat_sends_reminders_and_is_told_whom_they_reached_and_whom_not(client, late):
    client.force_login(late["secretariat"])
    response = client.post(_url(late["meeting"]), follow=True)
    assert response.redirect_chain[-1][0] == late["meeting"].get_absolute_url()
    assert sorted(m.to[0] for m in mail.outbox) == ["smith@example.org", "tanaka@example.org"]
    japanese = next(m for m in mail.outbox if m.to == ["tanaka@example.org"])
    assert "奨学金" in japanese.body
    said = _messages(response)
    assert (
        "Reminder sent to 1 organization: Late Org (smith@example.org, tanaka@example.org)." in said
    )
    assert "Could not remind: Silent Org: no editor with an email address." in said
    [record] = ReminderSent.objects.all()
    assert (record.organization.slug, record.days_before) == ("late", 14)


def test_the_scheduled_run_does_not_repeat_a_reminder_sent_now(client, late):
    client.force_login(late["secretariat"])
    client.post(_url(late["meeting"]))
    sent_now = len(mail.outbox)
    _run_scheduled(TODAY)  # the 14-day stage, as the button's
    assert len(mail.outbox) == sent_now
    # The 3-day stage is another reminder, sent once by the schedule.
    deadline = late["meeting"].update_deadline
    _run_scheduled(deadline - datetime.timedelta(days=3))
    _run_scheduled(deadline - datetime.timedelta(days=2))
    assert len(mail.outbox) == sent_now + 2


def test_reminders_sent_before_the_first_stage_count_as_the_first_stage(late):
    meeting = late["meeting"]
    early = meeting.update_deadline - datetime.timedelta(days=20)
    outcome = services.reminders_send_now(meeting=meeting, today=early)
    assert outcome.stage == 14
    _run_scheduled(meeting.update_deadline - datetime.timedelta(days=14))
    assert len(mail.outbox) == 2


def test_a_second_click_sends_nothing_twice_and_says_so(client, late):
    client.force_login(late["secretariat"])
    client.post(_url(late["meeting"]))
    response = client.post(_url(late["meeting"]), follow=True)
    assert len(mail.outbox) == 2
    assert "Already reminded at this stage, not sent again: Late Org." in _messages(response)


def test_after_the_deadline_late_reporters_are_nudged_once_more(late):
    meeting = late["meeting"]
    services.reminders_send_now(
        meeting=meeting, today=meeting.update_deadline - datetime.timedelta(days=3)
    )
    day_after = meeting.update_deadline + datetime.timedelta(days=1)
    outcome = services.reminders_send_now(meeting=meeting, today=day_after)
    assert outcome.stage == services.AFTER_DEADLINE
    assert [r.organization.slug for r in outcome.reached] == ["late"]
    assert len(mail.outbox) == 4
    _run_scheduled(day_after)
    assert len(mail.outbox) == 4


def test_an_editor_the_mail_server_refuses_is_reported(client, late, failing_address):  # noqa: F811
    failing_address.add("smith@example.org")
    client.force_login(late["secretariat"])
    response = client.post(_url(late["meeting"]), follow=True)
    said = _messages(response)
    assert "Reminder sent to 1 organization: Late Org (tanaka@example.org)." in said
    assert any("Late Org: not delivered to smith@example.org" in message for message in said)
    assert ReminderSent.objects.get().recipients == "tanaka@example.org"


def test_no_reminders_for_a_past_meeting(client, late):
    client.force_login(late["secretariat"])
    response = client.post(reverse("meetings:send_reminders", kwargs={"number": 1}), follow=True)
    assert mail.outbox == []
    assert any("not taken place yet" in message for message in _messages(response))


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("plain", 403), ("editor", 403), ("staff", 403)],
)
def test_only_the_secretariat_sends_reminders(client, late, who, status):
    users = {
        "plain": lambda: UserFactory(),
        "editor": lambda: MembershipFactory(role="editor").user,
        "staff": lambda: UserFactory(is_staff=True),  # staff without the group is not enough
    }
    if who in users:
        client.force_login(users[who]())
    response = client.post(_url(late["meeting"]))
    assert response.status_code == status
    assert mail.outbox == []


def test_the_button_needs_a_post(client, late):
    client.force_login(late["secretariat"])
    assert client.get(_url(late["meeting"])).status_code == 405


def test_the_meeting_page_shows_the_button_to_the_secretariat_only(client, settings, late):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    page = late["meeting"].get_absolute_url()
    assert "Send reminders now" not in client.get(page).content.decode()
    client.force_login(late["secretariat"])
    html = client.get(page).content.decode()
    assert "Send reminders now" in html
    assert f'action="{_url(late["meeting"])}"' in html
    client.post(_url(late["meeting"]))
    html = client.get(page).content.decode()
    assert "1 reminder sent for this meeting" in html
