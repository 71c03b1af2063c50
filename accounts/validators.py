"""Validators shared by the apps' models (the lowest app holds them)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidirectional embedding, override and isolate controls: invisible, they make a link
# read differently from where it goes ("gpj.exe" shown as "exe.jpg").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def refuse_bidi_controls(value: str) -> None:
    if value and BIDI_CONTROLS.search(value):
        raise ValidationError(
            _("Web addresses may not contain invisible text-direction characters."),
            code="bidi_control",
        )
