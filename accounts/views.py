from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import services
from .forms import ProfileForm
from .links import site_url


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view; the emailed link uses the site's public address
    (``GRFNET_SITE_URL``) rather than whatever host the request came in on."""

    def form_valid(self, form):
        self.extra_email_context = {"site_url": site_url()}
        return super().form_valid(form)


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
