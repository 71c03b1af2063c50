import uuid

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from accounts.fields import WebAddressField
from accounts.validators import refuse_bidi_controls
from organizations.models import Organization


class Stage(models.TextChoices):
    """Where a pledge stands: UNHCR's three stages (so the network's figures match UNHCR's
    dashboard), or "none" until its first update is published. The same spelling in the
    database, URLs and CSS. Listed furthest along first, the order of bars and tables."""

    FULFILLED = "fulfilled", _("Fulfilled")
    IN_PROGRESS = "in_progress", _("In progress")
    PLANNING = "planning", _("Planning stage")
    NONE = "none", _("No report yet")

    @classmethod
    def reported(cls) -> list["Stage"]:
        """The stages an update can report, in the order a form offers them."""
        return [cls.PLANNING, cls.IN_PROGRESS, cls.FULFILLED]

    @classmethod
    def reported_choices(cls) -> list[tuple[str, str]]:
        return [(stage.value, stage.label) for stage in cls.reported()]


class Objective(models.Model):
    """One of the four objectives of the Global Compact on Refugees."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCR objective")
        verbose_name_plural = _("GCR objectives")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=4), name="objective_number_1_to_4"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class FocusArea(models.Model):
    """A Global Refugee Forum area of focus (education, jobs and livelihoods, ...)."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("area of focus")
        verbose_name_plural = _("areas of focus")

    def __str__(self):
        return self.name


class ContributionType(models.Model):
    """UNHCR's types of contribution: financial, material, technical, policy, pathways."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("type of contribution")
        verbose_name_plural = _("types of contribution")

    def __str__(self):
        return self.name


def pledges_involving_q(organization) -> models.Q:
    """Pledges ``organization`` (an Organization, its id, or an ``OuterRef``) leads or
    co-pledges.

    A sub-select on the co-pledge table rather than a join, so that a pledge is counted
    once even when it has several co-pledging organizations."""
    co_pledged = Pledge.co_organizations.through.objects.filter(organization=organization)
    return models.Q(lead_organization=organization) | models.Q(pk__in=co_pledged.values("pledge"))


def pledges_of_kind_q(kind: str) -> models.Q:
    """Pledges led or co-pledged by an organization of this kind."""
    co_pledged = Pledge.co_organizations.through.objects.filter(organization__kind=kind)
    return models.Q(lead_organization__kind=kind) | models.Q(pk__in=co_pledged.values("pledge"))


class PledgeQuerySet(models.QuerySet):
    def involving(self, organization):
        """Pledges the organization leads or co-pledges, each once."""
        return self.filter(pledges_involving_q(organization))

    def of_kind(self, kind: str):
        return self.filter(pledges_of_kind_q(kind))

    def in_country(self, code: str):
        """Pledges acting in the country with this ISO 3166-1 alpha-2 code ("JO").

        The column holds two-letter codes joined by commas, so a two-letter substring can
        only match a whole code."""
        code = (code or "").upper()
        if len(code) != 2 or not code.isalpha():
            return self.none()
        return self.filter(countries__contains=code)

    def ending_by(self, day):
        """Pledges whose end date is known and on or before ``day``."""
        return self.filter(end_date__lte=day)

    def with_last_reporter(self):
        """Annotated with who reported the latest published update (the one the pledge's
        stage comes from): ``last_reporter_id`` and its name, ``last_reporter_name_ja`` /
        ``_en`` (so ``{% text pledge "last_reporter_name" %}`` shows it); None without a
        published update. Sub-selects in the same query: no query more."""
        latest = (
            ProgressUpdate.objects.published()
            .filter(pledge=models.OuterRef("pk"))
            .order_by("-published_at", "-pk")
        )

        def latest_of(column):
            return models.Subquery(latest.values(column)[:1])

        return self.annotate(
            last_reporter_id=latest_of("organization_id"),
            last_reporter_name_ja=latest_of("organization__name_ja"),
            last_reporter_name_en=latest_of("organization__name_en"),
        )


class Pledge(models.Model):
    """A pledge made at a Global Refugee Forum by a Japanese organization or several."""

    class Forum(models.TextChoices):
        GRF_2019 = "2019", _("GRF 2019")
        GRF_2023 = "2023", _("GRF 2023")
        REVIEW_2025 = "2025", _("Progress review, December 2025")

    class Currency(models.TextChoices):
        JPY = "JPY", _("Japanese yen (JPY)")
        USD = "USD", _("US dollars (USD)")

    grf_reference = models.CharField(
        _("GRF reference"),
        max_length=40,
        blank=True,
        help_text=_("UNHCR's pledge identifier, when known."),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    lead_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="led_pledges",
        verbose_name=_("lead organization"),
    )
    co_organizations = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="co_pledges",
        verbose_name=_("co-pledging organizations"),
    )
    objectives = models.ManyToManyField(
        Objective, related_name="pledges", verbose_name=_("GCR objectives")
    )
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="pledges", verbose_name=_("areas of focus")
    )
    contribution_types = models.ManyToManyField(
        ContributionType,
        blank=True,
        related_name="pledges",
        verbose_name=_("types of contribution"),
    )
    forum = models.CharField(
        _("forum"), max_length=4, choices=Forum.choices, default=Forum.GRF_2023
    )
    multi_stakeholder_pledge = models.CharField(
        _("multi-stakeholder pledge"),
        max_length=200,
        blank=True,
        help_text=_("The multi-stakeholder pledge this pledge belongs to, if any."),
    )
    multi_stakeholder_pledge_url = WebAddressField(
        _("multi-stakeholder pledge URL"), max_length=500, blank=True
    )
    linked_pledges = models.ManyToManyField(
        "self",
        blank=True,
        verbose_name=_("linked pledges"),
        help_text=_(
            "Pledges this one is part of or contributes to, such as a multi-stakeholder "
            "pledge; the link shows on both pledges' pages."
        ),
    )
    estimated_cost = models.DecimalField(
        _("estimated cost"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("What the pledge is costed at, when its source says so."),
    )
    cost_currency = models.CharField(
        _("currency of the cost"), max_length=3, choices=Currency.choices, blank=True
    )
    uncertainty = models.TextField(
        _("what is uncertain"),
        blank=True,
        help_text=_(
            "What the sources leave uncertain about this pledge (for example whether it "
            "is registered as a GRF pledge); shown on its page."
        ),
    )
    pledged_on = models.DateField(_("pledged on"), null=True, blank=True)
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("When the pledge's work starts.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("When the pledge's work ends.")
    )
    # django-countries keeps the codes in one sorted column ("JO,UG"); `in_country` reads it.
    countries = CountryField(
        _("countries of implementation"),
        multiple=True,
        blank=True,
        help_text=_("Where the pledge acts; Japan for work in Japan."),
    )
    source_url = WebAddressField(_("source URL"), max_length=500, blank=True)
    source_citation = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("Where the facts of this pledge come from."),
    )

    # Kept by pledges.services when an update is published; read by lists and dashboards.
    current_stage = models.CharField(
        _("current stage"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.NONE,
        editable=False,
    )
    current_progress = models.PositiveSmallIntegerField(
        _("current progress (%)"), null=True, blank=True, editable=False
    )
    last_published_at = models.DateTimeField(
        _("last published update"), null=True, blank=True, editable=False
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modified"), auto_now=True)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        indexes = [
            # pg_trgm: substring search in both languages (pledges.search); PostgreSQL
            # only, see migration 0006.
            GinIndex(
                fields=["title_ja", "title_en", "description_ja", "description_en"],
                opclasses=["gin_trgm_ops"] * 4,
                name="pledge_text_trgm",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(estimated_cost__isnull=True) | ~models.Q(cost_currency=""),
                name="pledge_cost_has_currency",
                violation_error_message=_("Say the currency of the estimated cost."),
            ),
            models.UniqueConstraint(
                fields=["grf_reference"],
                condition=~models.Q(grf_reference=""),
                name="pledge_grf_reference_unique_when_set",
                violation_error_message=_("Another pledge already has this GRF reference."),
            ),
            models.CheckConstraint(
                condition=models.Q(current_progress__isnull=True)
                | models.Q(current_progress__gte=0, current_progress__lte=100),
                name="pledge_current_progress_0_to_100",
            ),
            models.CheckConstraint(
                condition=models.Q(current_stage__in=Stage.values),
                name="pledge_current_stage_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="pledge_ends_after_it_starts",
                violation_error_message=_("A pledge cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dashboards:pledge_detail", kwargs={"pk": self.pk})

    @property
    def is_stale(self) -> bool:
        """No update published in the current period. Only on pledges annotated by
        ``meetings.calendar.ReportingPeriod.with_status``, which decides it."""
        return not self.updated_in_period

    def clean(self):
        # The constraint says the same; saying it here puts the message beside the field.
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A pledge cannot end before it starts.")})


class PledgeSource(models.Model):
    """A public page a pledge's facts were read from; the pledge page links each one."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="sources", verbose_name=_("pledge")
    )
    url = WebAddressField(_("web address"), max_length=500)
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["pledge", "order", "id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(fields=["pledge", "url"], name="pledge_source_url_once")
        ]

    def __str__(self):
        return self.title


class Indicator(models.Model):
    """An optional quantitative target of a pledge; its actual value is published."""

    class Unit(models.TextChoices):
        JPY = "JPY", _("Japanese yen (JPY)")
        USD = "USD", _("US dollars (USD)")
        PEOPLE = "people", _("people")
        ORGANIZATIONS = "organizations", _("organizations")
        EVENTS = "events", _("events")
        WORKSHOPS = "workshops", _("workshops")
        TEMPLES = "temples", _("temples")
        OTHER = "other", _("other")

    CURRENCIES = (Unit.JPY, Unit.USD)

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("pledge")
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    baseline = models.DecimalField(
        _("baseline"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # Kept by pledges.services from the latest published update that reports a value.
    actual = models.DecimalField(
        _("actual"), max_digits=16, decimal_places=2, null=True, blank=True, editable=False
    )
    actual_as_of = models.DateTimeField(_("actual as of"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["pledge", "order", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.name} ({self.get_unit_display()})"

    @property
    def is_currency(self) -> bool:
        """Amounts of money are written with their currency code first (JPY 1,000) and are
        never added to another currency's."""
        return self.unit in self.CURRENCIES


def validate_http_links(value: str):
    """One http(s) address a line, without text-direction controls; blank lines are
    ignored. The error names the line."""
    refuse_bidi_controls(value)
    validate = URLValidator(schemes=["http", "https"])
    for number, line in enumerate(value.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            validate(line.strip())
        except ValidationError:
            raise ValidationError(
                _(
                    "Line %(line)d (“%(value)s”) is not a web address: enter one address "
                    "a line, starting with http:// or https://."
                ),
                code="invalid",
                params={"line": number, "value": line.strip()[:80]},
            ) from None


class ProgressUpdateQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=ProgressUpdate.State.PUBLISHED)

    def published_between(self, start, end):
        """Published at ``start <= published_at < end``; a None bound is open."""
        updates = self.published()
        if start is not None:
            updates = updates.filter(published_at__gte=start)
        if end is not None:
            updates = updates.filter(published_at__lt=end)
        return updates


class ProgressUpdate(models.Model):
    """One report on one pledge by one organization, reviewed before it is published."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        PUBLISHED = "published", _("Published")

    TEXT_MAX_LENGTH = 5000
    # What the reporting organization writes; everything else is set by the life cycle.
    # The narrative, each field in Japanese and English (``pledges.translation``).
    TEXT_FIELDS = ("achievements", "challenges", "next_steps", "refugee_participation")
    LANGUAGES = ("ja", "en")
    TRANSLATED_TEXT_FIELDS = tuple(
        f"{name}_{lang}"
        for name in ("achievements", "challenges", "next_steps", "refugee_participation")
        for lang in ("ja", "en")
    )
    # The content as forms, the review and corrections show it: each language apart.
    EDITABLE_FIELDS = ("stage", "progress", *TRANSLATED_TEXT_FIELDS, "links")
    # What the services accept; a plain text name ("achievements") writes the active
    # language's column.
    CONTENT_FIELDS = ("stage", "progress", *TEXT_FIELDS, *TRANSLATED_TEXT_FIELDS, "links")

    pledge = models.ForeignKey(
        Pledge, on_delete=models.PROTECT, related_name="updates", verbose_name=_("pledge")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="progress_updates",
        verbose_name=_("reporting organization"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authored_updates",
        verbose_name=_("author"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_updates",
        verbose_name=_("reviewer"),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.reported_choices())
    # Optional: UNHCR's own form asks only for the stage and a narrative.
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    achievements = models.TextField(_("what was done"), max_length=TEXT_MAX_LENGTH, blank=True)
    challenges = models.TextField(_("challenges"), max_length=TEXT_MAX_LENGTH, blank=True)
    next_steps = models.TextField(_("next steps"), max_length=TEXT_MAX_LENGTH, blank=True)
    refugee_participation = models.TextField(
        _("how refugees took part"), max_length=TEXT_MAX_LENGTH, blank=True
    )
    links = models.TextField(
        _("links"),
        max_length=2000,
        blank=True,
        validators=[validate_http_links],
        help_text=_("One web address per line."),
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.DRAFT)
    review_comment = models.TextField(_("secretariat's comment"), max_length=2000, blank=True)
    # The indicator values as the secretariat returned the update ({indicator id: "12.50"}),
    # so that the review shows what changed since; None before a return (or for updates
    # returned before values were recorded).
    returned_values = models.JSONField(
        _("indicator values when returned"), null=True, blank=True, editable=False
    )
    # Optimistic locking: a save must name the version it was edited from.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modified"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    history = HistoricalRecords(verbose_name=_("historical progress update"))

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__isnull=True)
                | models.Q(progress__gte=0, progress__lte=100),
                name="update_progress_0_to_100",
                violation_error_message=_("Progress must be between 0 and 100 %."),
            ),
            models.CheckConstraint(
                condition=models.Q(stage__in=[stage.value for stage in Stage.reported()]),
                name="update_stage_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=["draft", "submitted", "returned", "published"]),
                name="update_state_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="published") | models.Q(published_at__isnull=False),
                name="update_published_has_timestamp",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "published_at"], name="update_state_published_idx"),
            # A pledge's latest published update (pledge pages, the report's stage before
            # and after a period, "updated this period"): one index probe per pledge.
            models.Index(
                fields=["pledge", "-published_at", "-id"],
                condition=models.Q(state="published"),
                name="update_published_by_pledge_idx",
            ),
            # An organization's last published report (organization pages and list).
            models.Index(
                fields=["organization", "-published_at"],
                condition=models.Q(state="published"),
                name="update_published_by_org_idx",
            ),
            # pg_trgm: substring search of published text (pledges.search); PostgreSQL only.
            GinIndex(
                fields=[
                    f"{name}_{lang}"
                    for name in (
                        "achievements",
                        "challenges",
                        "next_steps",
                        "refugee_participation",
                    )
                    for lang in ("ja", "en")
                ],
                opclasses=["gin_trgm_ops"] * 8,
                name="update_text_trgm",
            ),
        ]

    def __str__(self):
        return f"{self.pledge} - {self.get_stage_display()} ({self.get_state_display()})"

    def get_absolute_url(self):
        return f"{self.pledge.get_absolute_url()}#update-{self.pk}"

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class IndicatorValue(models.Model):
    """The value an update reports for one of its pledge's indicators."""

    update = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.CASCADE,
        related_name="indicator_values",
        verbose_name=_("progress update"),
    )
    # PROTECT: deleting an indicator must not silently erase figures already reported.
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("indicator")
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["update", "indicator"], name="indicator_value_one_per_update"
            )
        ]

    def __str__(self):
        return f"{self.indicator.name}: {self.value}"


def evidence_upload_to(attachment: "Attachment", filename: str) -> str:
    """Where a file is stored in the evidence storage (``STORAGES["default"]``): the
    pledge's folder, then a random one per file, so names never collide and a path cannot be
    guessed from the update's number."""
    return f"{attachment.update.pledge_id}/{uuid.uuid4().hex}/{filename}"


class Attachment(models.Model):
    """A file an organization attaches to its update as evidence (a report, a photo, ...).

    ``pledges.evidence`` checks the file and names it; it is served only through
    ``pledges:attachment`` with the visibility of its update."""

    MAX_PER_UPDATE = 5
    MAX_SIZE = 10 * 1024 * 1024

    update = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("progress update"),
    )
    file = models.FileField(_("file"), upload_to=evidence_upload_to, max_length=300)
    name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(size__lte=10 * 1024 * 1024), name="attachment_at_most_10_mb"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pledges:attachment", kwargs={"pk": self.pk})


class Follow(models.Model):
    """A signed-in person follows a pledge or an organization: they are emailed, in their
    language, when an update on it is published (``pledges.following``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("user"),
    )
    pledge = models.ForeignKey(
        Pledge,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
        verbose_name=_("pledge"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
        verbose_name=_("organization"),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pledge__isnull=False, organization__isnull=True)
                | models.Q(pledge__isnull=True, organization__isnull=False),
                name="follow_one_pledge_or_one_organization",
            ),
            models.UniqueConstraint(
                fields=["user", "pledge"],
                condition=models.Q(pledge__isnull=False),
                name="follow_pledge_once",
            ),
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=models.Q(organization__isnull=False),
                name="follow_organization_once",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.target}"

    @property
    def target(self):
        return self.pledge if self.pledge_id else self.organization


class PublishedData(models.Model):
    """One row: the version of everything the read side shows (published updates, pledges,
    organizations, meetings) and when it last changed. ``pledges.published`` bumps it in the
    writing transaction; caches of pages and PDFs are keyed by it, so no process ever serves
    what was true before a change, whatever cache it uses."""

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("published data version")
        verbose_name_plural = _("published data version")

    def __str__(self):
        return f"{self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
