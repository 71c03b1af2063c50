from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in: secretariat staff, a focal point, or a viewer."""

    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="ja",
        help_text=_("The language of the emails this person receives."),
    )
    email_language_follows_interface = models.BooleanField(
        _("emails follow the interface language"),
        default=True,
        help_text=_(
            "On: the email language becomes the language this person last used the site "
            "in. Off: it stays as chosen on their profile page."
        ),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        """The name to greet this person by: family name first in Japanese (山田 太郎),
        given name first in English; the user name only when no name is given."""
        from django.utils import translation

        parts = [self.first_name.strip(), self.last_name.strip()]
        if (translation.get_language() or "ja").startswith("ja"):
            parts.reverse()
        return " ".join(p for p in parts if p) or self.username
