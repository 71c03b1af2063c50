"""Who may read the network's pages.

Dashboards, pledge, organization and meeting pages are public only when
``GRFNET_PUBLIC_DASHBOARD`` is on; otherwise they need a signed-in user.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login

from .secretariat import secretariat_members


def can_read_network_pages(user) -> bool:
    return settings.GRFNET_PUBLIC_DASHBOARD or user.is_authenticated


def network_page(view_func):
    """Decorate a function view that shows published network data."""

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if not can_read_network_pages(request.user):
            return redirect_to_login(request.get_full_path())
        return view_func(request, *args, **kwargs)

    return wrapper


def needs_second_factor(user) -> bool:
    """A signed-in staff user whose session has not been verified with a second factor,
    where that is required (``GRFNET_STAFF_TWO_FACTOR``, on in production). django-otp's
    middleware gives request users ``is_verified()``; see ``accounts.two_factor``."""
    if not (settings.GRFNET_STAFF_TWO_FACTOR and user.is_authenticated and user.is_staff):
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (is_verified and is_verified())


def is_secretariat(user) -> bool:
    """Whether ``user`` is one of ``secretariat_members()`` and, where a second factor is
    required, has confirmed this session with one. One query the first time per user
    object, remembered on it for the rest of the request."""
    if not user.is_authenticated:
        return False
    if needs_second_factor(user):
        return False
    if not hasattr(user, "_is_secretariat"):
        user._is_secretariat = secretariat_members().filter(pk=user.pk).exists()
    return user._is_secretariat
