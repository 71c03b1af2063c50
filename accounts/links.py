"""Absolute links to the site, for emails and files read outside a request.

There is no request to take the host from when an email is sent after a commit or by a
scheduled command, so every absolute link is built from ``GRFNET_SITE_URL`` here.
"""

from django.conf import settings
from django.urls import reverse


def site_url(path: str = "") -> str:
    """``path`` (absolute, such as ``/my/``) on the site's public address."""
    return settings.GRFNET_SITE_URL + path


def site_reverse(viewname: str, **kwargs) -> str:
    """The absolute address of a URL pattern: ``site_url(reverse(viewname, kwargs=...))``."""
    return site_url(reverse(viewname, kwargs=kwargs or None))
