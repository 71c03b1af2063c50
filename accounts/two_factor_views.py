"""Enrolling and entering a second factor (see ``accounts.two_factor``)."""

import base64

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice

from . import two_factor


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=gettext_lazy(
            "The 6-digit code your authenticator app shows now, or one of your recovery codes."
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())


def _next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _verified(user) -> bool:
    return bool(getattr(user, "is_verified", None) and user.is_verified())


@require_http_methods(["GET", "POST"])
@never_cache
@login_required
def two_factor_setup(request):
    """``/accounts/two-factor/``: scan a QR code, confirm with a code, get recovery codes.
    Replacing an enrolled app first needs this session's second factor."""
    user = request.user
    if not user.is_staff:
        raise PermissionDenied
    if user_has_device(user) and not _verified(user):
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('two_factor_verify')}?{query}")
    if user_has_device(user) and "replace" not in request.GET and request.method == "GET":
        return render(request, "accounts/two_factor_status.html", {})
    if request.method == "POST" and request.POST.get("action") == "codes" and _verified(user):
        codes = two_factor.recovery_codes_renew(user=user)
        return render(request, "accounts/two_factor_codes.html", {"codes": codes})
    device = two_factor.totp_device_for_setup(user=user)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = two_factor.two_factor_confirm(device=device)
            otp_login(request, device)
            return render(
                request,
                "accounts/two_factor_codes.html",
                {"codes": codes, "next": _next(request, reverse("admin:index"))},
            )
        form.add_error("token", _("This code is not right. Check the time on your phone."))
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=4),
            "secret": base64.b32encode(device.bin_key).decode(),
            "next": _next(request, ""),
        },
    )


@require_http_methods(["GET", "POST"])
@never_cache
@login_required
def two_factor_verify(request):
    """``/accounts/two-factor/verify/``: enter a code from the app or a recovery code."""
    if not user_has_device(request.user):
        return redirect("two_factor_setup")
    form = TokenForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code; it cannot be used again. "
                        "Set up your authenticator app again if you lost your phone."
                    ),
                )
            return redirect(_next(request, reverse("admin:index")))
        form.add_error("token", _("This code is not right, or it was already used."))
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request, "")}
    )
