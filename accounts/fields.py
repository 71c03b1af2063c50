"""Model fields shared by the apps; kept in the lowest app so every app may use them."""

from django.core import validators
from django.db import models

from .validators import refuse_bidi_controls


class WebAddressField(models.URLField):
    """A URLField whose form field assumes https:// for addresses typed without a scheme.

    Django 5.2 warns unless the scheme is chosen explicitly; Django 6 makes https the default.
    """

    # Not a keyword argument, so migrations do not record it.
    default_validators = [validators.URLValidator(), refuse_bidi_controls]

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
