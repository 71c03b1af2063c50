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


def is_secretariat(user) -> bool:
    """Whether ``user`` is one of ``secretariat_members()``. One query the first time per
    user object, remembered on it for the rest of the request."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_secretariat"):
        user._is_secretariat = secretariat_members().filter(pk=user.pk).exists()
    return user._is_secretariat
