"""django-axes, named for the people who use the admin: "Sign-in security" rather than
"Axes", and its three tables by what they hold. Installed in place of ``"axes"``."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class SignInSecurityConfig(AxesAppConfig):
    verbose_name = _("Sign-in security")

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        # Display names only: Meta.original_attrs (what migrations read) stay axes' own.
        names = {
            AccessAttempt: (_("recent failed sign-in"), _("recent failed sign-ins (lockouts)")),
            AccessLog: (_("sign-in record"), _("sign-in records")),
            AccessFailureLog: (_("failed sign-in record"), _("failed sign-in records")),
        }
        for model, (singular, plural) in names.items():
            model._meta.verbose_name = singular
            model._meta.verbose_name_plural = plural
