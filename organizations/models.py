from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.fields import WebAddressField


class OrganizationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def edited_by(self, user):
        """Organizations for which the user may write progress updates."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user, memberships__role=Membership.Role.EDITOR)


class Organization(models.Model):
    """A pledging organization, or one that takes part in the network."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        UN_AGENCY = "un_agency", _("UN agency or international organization")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        NGO = "ngo", _("NGO / civil society")
        FAITH_BASED = "faith_based", _("Faith-based organization")
        ACADEMIA = "academia", _("Academia")
        REFUGEE_LED = "refugee_led", _("Refugee-led organization")
        LOCAL_GOVERNMENT = "local_government", _("Local government")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    website = WebAddressField(_("website"), blank=True)
    description = models.TextField(_("short description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        indexes = [
            # pg_trgm: substring search of names in both languages (pledges.search).
            # PostgreSQL only; see migration 0002.
            GinIndex(
                fields=["name_ja", "name_en", "short_name_ja", "short_name_en"],
                opclasses=["gin_trgm_ops"] * 4,
                name="organization_name_trgm",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dashboards:organization_detail", kwargs={"slug": self.slug})


class Membership(models.Model):
    """A user's role in an organization: editors report progress, viewers read."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor (focal point)")
        VIEWER = "viewer", _("Viewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organization"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"], name="membership_one_per_user_and_organization"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=["editor", "viewer"]), name="membership_role_valid"
            ),
        ]

    def __str__(self):
        return f"{self.user} @ {self.organization} ({self.get_role_display()})"
