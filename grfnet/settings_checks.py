"""Checks a server process makes once it has read the settings."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_development_key() -> None:
    """Stop a server that would run outside development mode with the public key.

    Management commands (migrate, makemessages, tests) may use the development key; a
    server (gunicorn, runserver) with ``DEBUG`` off must have its own ``SECRET_KEY``, or
    anyone could forge its session cookies and password-reset links.
    """
    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY and not settings.DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is the public development key and DEBUG is off. Set SECRET_KEY "
            "to a random string of at least 50 characters (or DEBUG=True to develop)."
        )
