import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.fields import WebAddressField
from organizations.models import Organization
from pledges.models import Pledge

DEFAULT_DEADLINE_BEFORE_MEETING = datetime.timedelta(days=14)


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def network_meetings(self):
        """Numbered meetings of the network, without other events (symposia, the Forum)."""
        return self.filter(kind=Meeting.Kind.NETWORK)

    def closing_periods(self):
        """The meetings that close reporting periods: published network meetings only."""
        return self.published().network_meetings()

    def upcoming(self, today):
        return self.filter(date__gte=today).order_by("date")

    def past(self, today):
        return self.filter(date__lt=today).order_by("-date")


class Meeting(models.Model):
    """A meeting of the Japan GRF Network, which closes a reporting period; or another
    event the network's history refers to (a symposium, the Forum, a pre-meeting), which
    has no number and closes no period."""

    class Kind(models.TextChoices):
        NETWORK = "network", _("Network meeting")
        EVENT = "event", _("Other event")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.NETWORK,
        help_text=_(
            "Network meetings are numbered and close a reporting period; other events "
            "(symposia, the Forum, pre-meetings) have no number and close none."
        ),
    )
    number = models.PositiveSmallIntegerField(
        _("number"),
        unique=True,
        null=True,
        blank=True,
        error_messages={"unique": _("A meeting with this number exists.")},
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(
        _("date"), unique=True, error_messages={"unique": _("Another meeting is on this date.")}
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON
    )
    co_hosts = models.ManyToManyField(
        Organization, blank=True, related_name="hosted_meetings", verbose_name=_("co-hosts")
    )
    update_deadline = models.DateField(
        _("update deadline"),
        blank=True,
        help_text=_("Updates are due by this date; two weeks before the meeting if left empty."),
    )
    summary = models.TextField(_("summary / minutes"), blank=True)
    source_url = WebAddressField(_("source URL"), max_length=500, blank=True)
    is_published = models.BooleanField(_("published"), default=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(update_deadline__lte=F("date")),
                name="meeting_deadline_not_after_meeting",
                violation_error_message=_("The update deadline must not be after the meeting."),
            ),
            models.CheckConstraint(
                condition=Q(kind="network", number__isnull=False)
                | Q(kind="event", number__isnull=True),
                name="meeting_numbered_iff_network_meeting",
                violation_error_message=_(
                    "A network meeting has a number; another event has none."
                ),
            ),
        ]

    def __str__(self):
        if self.number is None:
            return self.title
        return f"#{self.number} {self.title}"

    def get_absolute_url(self):
        if self.is_event:
            return reverse("meetings:event", kwargs={"pk": self.pk})
        return reverse("meetings:detail", kwargs={"number": self.number})

    @property
    def is_event(self) -> bool:
        """Not a network meeting: no number, no reporting period, no report."""
        return self.kind == self.Kind.EVENT

    @property
    def is_past(self) -> bool:
        return self.date < timezone.localdate()

    def clean(self):
        if self.kind == self.Kind.NETWORK and self.number is None:
            raise ValidationError({"number": _("A network meeting needs a number.")})
        if self.kind == self.Kind.EVENT and self.number is not None:
            raise ValidationError(
                {"number": _("Only network meetings are numbered: leave the number empty.")}
            )
        if self.update_deadline is None and self.date is not None:
            self.update_deadline = self.date - DEFAULT_DEADLINE_BEFORE_MEETING
        # The database constraint says the same; saying it here puts the message beside the
        # field in the admin (full_clean then skips the constraint for that field).
        if self.date and self.update_deadline and self.update_deadline > self.date:
            raise ValidationError(
                {"update_deadline": _("The update deadline must not be after the meeting.")}
            )
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The meeting must end after it starts.")})


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    presenter = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("presenting organization"),
    )
    pledges = models.ManyToManyField(
        Pledge,
        blank=True,
        through="AgendaItemPledge",
        related_name="agenda_items",
        verbose_name=_("pledges discussed"),
    )

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class AgendaItemPledge(models.Model):
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE)
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, verbose_name=_("pledge"))

    class Meta:
        verbose_name = _("pledge discussed")
        verbose_name_plural = _("pledges discussed")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "pledge"],
                name="agenda_item_cites_pledge_once",
                violation_error_message=_("This agenda item already cites that pledge."),
            )
        ]

    def __str__(self):
        return str(self.pledge)


class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("meeting")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("organization"),
    )
    attendees = models.TextField(
        _("attendees"), blank=True, help_text=_("Names of the people who attended, optional.")
    )

    class Meta:
        ordering = ["meeting", "organization"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organization"], name="attendance_one_per_organization"
            )
        ]

    def __str__(self):
        return f"{self.organization} @ {self.meeting}"


class ReminderSent(models.Model):
    """A reminder sent to one organization's editors before a meeting's update deadline.

    One row per organization, meeting and stage of the schedule (days before the deadline),
    so that ``send_update_reminders`` sends each reminder once however often it runs.
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("meeting")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="update_reminders",
        verbose_name=_("organization"),
    )
    days_before = models.PositiveSmallIntegerField(
        _("days before the deadline"),
        help_text=_("The stage of the reminder schedule this reminder belongs to."),
    )
    recipients = models.TextField(_("recipients"), help_text=_("One email address a line."))
    pledge_count = models.PositiveSmallIntegerField(_("pledges without an update"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("update reminder sent")
        verbose_name_plural = _("update reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organization", "days_before"],
                name="reminder_once_per_organization_meeting_and_stage",
            )
        ]

    def __str__(self):
        return f"{self.organization} / {self.meeting} / {self.days_before}"
