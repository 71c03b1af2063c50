from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from dashboards.health import healthz
from exchange.api import api as api_v1
from exchange.views import api_docs

admin.site.site_header = _("GRF Network secretariat")
admin.site.site_title = _("GRF Network")
admin.site.index_title = _("Pledges, organizations and meetings")

# A database outage answers 503 with Retry-After; anything else the usual 500 page.
handler500 = "accounts.errors.server_error"


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's). The static
    URL is looked up per request: in production it comes from the collected manifest."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


urlpatterns = [
    path("", include("pledges.following_urls")),
    path("", include("exchange.urls")),
    # The page that describes the API for people comes before the API's own routes.
    path("api/v1/", api_docs, name="api_docs"),
    path("api/v1/docs", RedirectView.as_view(pattern_name="api_docs", permanent=True)),
    path("api/v1/", api_v1.urls),
    path("", include("dashboards.urls")),
    path("", include("pledges.urls")),
    path("meetings/", include("meetings.urls")),
    path("accounts/", include("accounts.urls")),
    path("", include("accounts.page_urls")),
    path("feeds/", include("dashboards.feed_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon),
    path("healthz", healthz, name="healthz"),
]
