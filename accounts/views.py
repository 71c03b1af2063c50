import logging

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import services
from .forms import ProfileForm
from .links import site_url

logger = logging.getLogger("grfnet.accounts")


class RedirectThenRun(HttpResponseRedirect):
    """A redirect that runs ``task`` once it has been sent: the WSGI server calls
    ``close()`` after the last byte, so the client's wait does not include the task."""

    def __init__(self, url, *, task):
        super().__init__(url)
        self._task = task

    def close(self):
        try:
            self._task()
        except Exception:
            # The response is gone; the failure is logged, never shown.
            logger.exception("A task run after the response failed")
        finally:
            super().close()


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view; the emailed link uses the site's public address
    (``GRFNET_SITE_URL``) rather than whatever host the request came in on.

    The mail is sent after the response, so how long the page takes does not reveal
    whether the address belongs to an account (sending takes time, finding none does not).
    """

    def form_valid(self, form):
        opts = {
            "use_https": self.request.is_secure(),
            "token_generator": self.token_generator,
            "from_email": self.from_email,
            "email_template_name": self.email_template_name,
            "subject_template_name": self.subject_template_name,
            "request": self.request,
            "html_email_template_name": self.html_email_template_name,
            "extra_email_context": {"site_url": site_url()},
        }
        return RedirectThenRun(self.get_success_url(), task=lambda: form.save(**opts))


@require_http_methods(["GET", "POST"])
@never_cache
@login_required
def profile(request):
    """``/accounts/profile/``: the person's name, email address and email language."""
    if request.method == "POST":
        form = ProfileForm(request.POST, user=request.user)
        if form.is_valid():
            services.user_update_profile(user=request.user, **form.cleaned_data)
            messages.success(request, _("Your profile was saved."))
            return redirect("profile")
    else:
        form = ProfileForm(initial=ProfileForm.initial_for(request.user), user=request.user)
    return render(request, "accounts/profile.html", {"form": form})
