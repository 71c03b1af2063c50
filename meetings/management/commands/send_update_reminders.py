"""Remind editors of pledges without an update before the next meeting's deadline.

Run it daily from cron; it sends each reminder once (see README, "Reminders")."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from meetings.services import REMINDER_SCHEDULE, reminders_send


class Command(BaseCommand):
    help = (
        "Email each organization's editors the pledges with no update in the current "
        f"reporting period, {' and '.join(map(str, REMINDER_SCHEDULE))} days before the "
        "next meeting's update deadline. Each reminder is sent once however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say who would be reminded; send nothing."
        )
        parser.add_argument(
            "--today", help="Act as if today were this date (YYYY-MM-DD), e.g. to test."
        )

    def handle(self, *args, dry_run=False, today=None, **options):
        if today:
            try:
                today = datetime.date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(f"--today must be a date like 2026-04-16: {error}") from None
        with translation.override("en"):
            meeting, stage, reminders = reminders_send(today=today, dry_run=dry_run)
        if meeting is None:
            self.stdout.write("No meeting is scheduled: no reminders to send.")
            return
        if stage is None:
            self.stdout.write(
                f"Meeting #{meeting.number}: its update deadline ({meeting.update_deadline}) "
                "is not within a reminder stage today: nothing to send."
            )
            return
        verb = "Would remind" if dry_run else "Reminded"
        for reminder in reminders:
            emails = ", ".join(user.email for user in reminder.recipients)
            self.stdout.write(
                f"{verb} {reminder.organization.slug} ({len(reminder.pledges)} pledges): {emails}"
            )
            if reminder.failed:
                failed = ", ".join(user.email for user in reminder.failed)
                self.stderr.write(f"Could not reach at {reminder.organization.slug}: {failed}")
        summary = (
            f"Meeting #{meeting.number}, {stage} days before the deadline: "
            f"{len(reminders)} organizations {'would be ' if dry_run else ''}reminded."
        )
        if dry_run:
            summary += " Dry run: nothing was sent."
        self.stdout.write(self.style.SUCCESS(summary))
