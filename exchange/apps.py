from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Data in and out: imports with a preview, exports, and the read-only JSON API."""

    name = "exchange"
    verbose_name = _("Imports, exports and API")
