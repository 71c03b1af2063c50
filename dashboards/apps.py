from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    """The read side: pages that roll the network's data up across the domain apps."""

    name = "dashboards"
    verbose_name = _("Dashboards")
