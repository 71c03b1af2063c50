from django.contrib.auth import views as auth_views

from .links import site_url


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view; the emailed link uses the site's public address
    (``GRFNET_SITE_URL``) rather than whatever host the request came in on."""

    def form_valid(self, form):
        self.extra_email_context = {"site_url": site_url()}
        return super().form_valid(form)
