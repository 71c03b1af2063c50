"""Reading one import row, column by column, into model values; every problem is noted
against its column (``RowReader.errors``) so that the preview names row and column.

A column that is absent from the file leaves the field as it is; a column that is present
but empty clears an optional field.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

SEPARATORS = re.compile(r"\s*[;；\n]\s*")
TRUE = {"1", "true", "yes", "y", "はい", "公開", "published", "active", "有効"}
FALSE = {"0", "false", "no", "n", "いいえ", "非公開", "unpublished", "inactive", "無効"}


def normalize(text: str) -> str:
    """How names are compared: case, width and runs of spaces do not matter."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", str(text)).casefold().split())


def unescape(value: str) -> str:
    """A cell an export escaped (``'=...``) is the text after the apostrophe."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def split_list(value: str) -> list[str]:
    """Several values in one cell, separated by ``;`` or line breaks."""
    return [part for part in SEPARATORS.split(value.strip()) if part]


class Lookup:
    """Find model instances by any of their keys (slug, names in both languages...)."""

    def __init__(self, objects, keys, *, not_found):
        self.by_key = {}
        self.not_found = not_found
        for obj in objects:
            for key in keys:
                value = getattr(obj, key, "")
                if value not in (None, ""):
                    self.by_key.setdefault(normalize(value), obj)

    def add(self, obj, keys):
        for key in keys:
            value = getattr(obj, key, "")
            if value not in (None, ""):
                self.by_key[normalize(value)] = obj

    def find(self, value: str):
        found = self.by_key.get(normalize(value))
        if found is None:
            raise ValueError(self.not_found % {"value": value})
        return found


class RowReader:
    def __init__(self, row: dict):
        self.row = {
            str(k).strip().lower(): unescape("" if v is None else str(v).strip())
            for k, v in row.items()
        }
        self.errors: dict[str, list[str]] = {}

    def has(self, column: str) -> bool:
        return column in self.row

    def raw(self, column: str) -> str | None:
        return self.row.get(column)

    def error(self, column: str, message: str) -> None:
        self.errors.setdefault(column, []).append(str(message))

    def text(self, column: str, *, max_length: int | None = None, required=False) -> str | None:
        value = self.row.get(column)
        if value is None:
            return None
        if required and not value:
            self.error(column, _("This column must not be empty."))
        if max_length and len(value) > max_length:
            self.error(
                column,
                _("At most %(max)d characters (this one has %(length)d).")
                % {"max": max_length, "length": len(value)},
            )
        return value

    def url(self, column: str) -> str | None:
        value = self.text(column, max_length=500)
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                self.error(
                    column,
                    _("“%(value)s” is not a web address (http:// or https://).") % {"value": value},
                )
        return value

    def choice(self, column: str, choices, *, required=False) -> str | None:
        """A value of ``choices`` (TextChoices choices), given as its code or its label in
        either language."""
        value = self.row.get(column)
        if value is None or (value == "" and not required):
            return None if value is None else ""
        from django.utils import translation

        accepted = {}
        for code, label in choices:
            accepted[normalize(code)] = code
            for language in ("en", "ja"):
                with translation.override(language):
                    accepted[normalize(str(label))] = code
        found = accepted.get(normalize(value))
        if found is None:
            self.error(
                column,
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(code for code, _label in choices)},
            )
        return found

    def integer(self, column: str, *, minimum=None, maximum=None) -> int | None | str:
        value = self.row.get(column)
        if value is None:
            return None
        if value == "":
            return ""
        try:
            number = int(Decimal(value.replace(",", "")))
            if Decimal(value.replace(",", "")) != number:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            self.error(column, _("“%(value)s” is not a whole number.") % {"value": value})
            return None
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            self.error(
                column,
                _("%(value)s is not between %(min)s and %(max)s.")
                % {"value": number, "min": minimum, "max": maximum},
            )
        return number

    def decimal(self, column: str) -> Decimal | None | str:
        value = self.row.get(column)
        if value is None:
            return None
        if value == "":
            return ""
        try:
            number = Decimal(value.replace(",", "").replace(" ", ""))
            if not number.is_finite() or abs(number) >= Decimal("1e14"):
                raise InvalidOperation
        except InvalidOperation:
            self.error(column, _("“%(value)s” is not a number.") % {"value": value})
            return None
        return number.quantize(Decimal("0.01"))

    def date(self, column: str, *, required=False) -> datetime.date | None | str:
        value = self.row.get(column)
        if value is None:
            return None
        if value == "":
            if required:
                self.error(column, _("This column must not be empty."))
            return ""
        try:
            return datetime.date.fromisoformat(value[:10].replace("/", "-"))
        except ValueError:
            self.error(
                column,
                _("“%(value)s” is not a date written YYYY-MM-DD.") % {"value": value},
            )
            return None

    def time(self, column: str) -> datetime.time | None | str:
        value = self.row.get(column)
        if value is None:
            return None
        if value == "":
            return ""
        try:
            return datetime.time.fromisoformat(value)
        except ValueError:
            self.error(column, _("“%(value)s” is not a time written HH:MM.") % {"value": value})
            return None

    def datetime(self, column: str) -> datetime.datetime | None | str:
        value = self.row.get(column)
        if value is None:
            return None
        if value == "":
            return ""
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            self.error(
                column,
                _("“%(value)s” is not a date and time (ISO 8601, e.g. 2025-03-01T10:00:00+09:00).")
                % {"value": value},
            )
            return None
        if moment.tzinfo is None:
            from django.utils import timezone

            moment = timezone.make_aware(moment)
        return moment

    def boolean(self, column: str) -> bool | None:
        value = self.row.get(column)
        if value is None or value == "":
            return None
        if normalize(value) in TRUE:
            return True
        if normalize(value) in FALSE:
            return False
        self.error(column, _("“%(value)s” is not yes or no.") % {"value": value})
        return None

    def refs(self, column: str, lookup: Lookup, *, required=False) -> list | None:
        value = self.row.get(column)
        if value is None:
            return None
        found = []
        for part in split_list(value):
            try:
                obj = lookup.find(part)
            except ValueError as problem:
                self.error(column, str(problem))
                continue
            if obj not in found:
                found.append(obj)
        if required and not found and column not in self.errors:
            self.error(column, _("Name at least one."))
        return found

    def ref(self, column: str, lookup: Lookup, *, required=False):
        value = self.row.get(column)
        if value is None:
            return None
        if not value:
            if required:
                self.error(column, _("This column must not be empty."))
            return None
        try:
            return lookup.find(value)
        except ValueError as problem:
            self.error(column, str(problem))
            return None

    def countries(self, column: str) -> list[str] | None:
        """Countries of implementation: ISO 3166 codes (``JO``) or names in English or
        Japanese, separated like every list; the codes, sorted."""
        value = self.row.get(column)
        if value is None:
            return None
        codes = []
        for part in split_list(value):
            code = country_code(part)
            if code is None:
                self.error(
                    column,
                    _("“%(value)s” is not a country (a two-letter code such as JO, or a name).")
                    % {"value": part},
                )
            elif code not in codes:
                codes.append(code)
        return sorted(codes)


def country_code(text: str) -> str | None:
    from django_countries import countries

    text = text.strip()
    if len(text) == 2 and countries.alpha2(text.upper()):
        return text.upper()
    for language in ("en", "ja"):
        code = countries.by_name(text, language=language)
        if code:
            return code
    return None
