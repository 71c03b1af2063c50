"""Model fields shared by the apps; kept in the lowest app so every app may use them."""

from django.db import models


class WebAddressField(models.URLField):
    """A URLField whose form field assumes https:// for addresses typed without a scheme.

    Django 5.2 warns unless the scheme is chosen explicitly; Django 6 makes https the default.
    """

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
