from django.conf import settings
from django.contrib.auth import views as auth_views


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view; the emailed link uses the site's public address
    (``GRFNET_SITE_URL``) rather than whatever host the request came in on."""

    def form_valid(self, form):
        self.extra_email_context = {"site_url": settings.GRFNET_SITE_URL}
        return super().form_valid(form)
