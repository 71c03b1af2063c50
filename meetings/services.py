"""Writes for meetings: copying an agenda, and the update reminders sent before a meeting.

Views, admin actions and the ``send_update_reminders`` command call these functions.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.links import site_reverse
from accounts.mail import email_for
from organizations.models import Organization
from pledges.notifications import editor_recipients

from .calendar import current_period, organizations_due
from .models import AgendaItem, AgendaItemPledge, Meeting, ReminderSent

logger = logging.getLogger("grfnet.meetings")

# Days before a meeting's update deadline at which editors are reminded, earliest first.
REMINDER_SCHEDULE = (14, 3)


class AgendaNotCopied(Exception):
    """The agenda cannot be copied (no previous meeting, or the meeting has one already)."""


@transaction.atomic
def meeting_copy_agenda(*, meeting: Meeting) -> list[AgendaItem]:
    """Copy the previous meeting's agenda (titles in both languages, order, presenting
    organization, pledges discussed) onto ``meeting``, which must have no agenda yet."""
    previous = (
        Meeting.objects.network_meetings().filter(date__lt=meeting.date).order_by("-date").first()
    )
    if previous is None:
        raise AgendaNotCopied(
            _("%(meeting)s has no previous meeting to copy an agenda from.") % {"meeting": meeting}
        )
    if meeting.agenda_items.exists():
        raise AgendaNotCopied(
            _("%(meeting)s already has an agenda; nothing was copied.") % {"meeting": meeting}
        )
    copies = []
    for item in previous.agenda_items.prefetch_related("pledges").order_by("order", "id"):
        copy = AgendaItem(
            meeting=meeting,
            order=item.order,
            title_ja=item.title_ja,
            title_en=item.title_en,
            presenter_id=item.presenter_id,
        )
        copy.full_clean()
        copy.save()
        AgendaItemPledge.objects.bulk_create(
            AgendaItemPledge(agenda_item=copy, pledge=pledge) for pledge in item.pledges.all()
        )
        copies.append(copy)
    return copies


# Reminders ----------------------------------------------------------------------------


def reminder_stage(*, deadline: datetime.date, today: datetime.date) -> int | None:
    """The stage of the schedule due today: the latest one reached (so a missed 14-day run
    is not sent late next to the 3-day one), or None before the first and after the
    deadline."""
    days_left = (deadline - today).days
    if days_left < 0:
        return None
    reached = [days for days in REMINDER_SCHEDULE if days_left <= days]
    return min(reached) if reached else None


@dataclass
class PlannedReminder:
    organization: Organization
    recipients: list  # after sending: those it reached
    pledges: list
    sent: bool = False
    failed: list = field(default_factory=list)  # editors it could not reach


def _reminder_email(*, user, organization, meeting, pledges) -> EmailMessage:
    """The reminder to one editor, in the language they chose."""
    return email_for(
        user,
        subject_template="meetings/email/update_reminder_subject.txt",
        body_template="meetings/email/update_reminder_body.txt",
        context={
            "organization": organization,
            "meeting": meeting,
            "pledges": pledges,
            "workspace_url": site_reverse("dashboards:workspace"),
        },
    )


def reminders_send(
    *, today: datetime.date | None = None, dry_run: bool = False
) -> tuple[Meeting | None, int | None, list[PlannedReminder]]:
    """Remind the editors of each organization with pledges lacking an update in the current
    period, once per organization, meeting and stage of the schedule.

    Returns the meeting, the stage and what was (or, with ``dry_run``, would be) sent;
    reminders already recorded are left out. With ``dry_run`` nothing is sent or recorded.
    An organization whose reminder cannot be sent is logged and skipped; the others are
    still reminded.
    """
    today = today or timezone.localdate()
    period = current_period(today)
    meeting = period.meeting
    if meeting is None:
        return None, None, []
    stage = reminder_stage(deadline=meeting.update_deadline, today=today)
    if stage is None:
        return meeting, None, []
    already = set(
        ReminderSent.objects.filter(meeting=meeting, days_before=stage).values_list(
            "organization_id", flat=True
        )
    )
    planned = []
    for organization in organizations_due(period):
        if organization.pk in already:
            continue
        recipients = list(editor_recipients(organization).order_by("username"))
        if not recipients:
            logger.warning("No editor with an email address to remind at %s", organization)
            continue
        reminder = PlannedReminder(organization, recipients, organization.pending_pledges)
        planned.append(reminder)
        if not dry_run:
            _send_once(meeting=meeting, stage=stage, reminder=reminder)
    return meeting, stage, [r for r in planned if dry_run or r.sent]


def _send_once(*, meeting, stage, reminder: PlannedReminder) -> None:
    """Send one organization's reminder over one connection and record whom it reached.

    The record is written first, so a run started meanwhile sends nothing for this
    organization; it is then narrowed to the editors the email reached, or removed when it
    reached none (so the next run tries again). Failures are logged, not raised."""
    organization = reminder.organization
    record = ReminderSent(
        meeting=meeting,
        organization=organization,
        days_before=stage,
        recipients="\n".join(user.email for user in reminder.recipients),
        pledge_count=len(reminder.pledges),
    )
    record.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:  # another run has it
        return

    sent, failed = [], []
    messages = [
        (
            user,
            _reminder_email(
                user=user, organization=organization, meeting=meeting, pledges=reminder.pledges
            ),
        )
        for user in reminder.recipients
    ]
    try:
        with get_connection() as connection:
            for user, message in messages:
                try:
                    delivered = connection.send_messages([message])
                except Exception:
                    logger.exception(
                        "Reminder to %s (%s) for %s could not be sent",
                        user.email,
                        organization,
                        meeting,
                    )
                    delivered = 0
                (sent if delivered else failed).append(user)
    except Exception:  # the connection itself could not be opened or closed
        logger.exception("Reminders for %s (%s) could not be sent", organization, meeting)
        failed = [user for user in reminder.recipients if user not in sent]

    reminder.recipients, reminder.failed = sent, failed
    reminder.sent = bool(sent)
    if not sent:
        record.delete()
        return
    if failed:
        logger.error(
            "Reminder for %s (%s) reached %d of %d editors; not reached: %s",
            organization,
            meeting,
            len(sent),
            len(sent) + len(failed),
            ", ".join(user.email for user in failed),
        )
        record.recipients = "\n".join(user.email for user in sent)
        record.save(update_fields=["recipients"])
