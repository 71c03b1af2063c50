"""What a progress update changes from an earlier one, for the secretariat's review."""

import functools
from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.text import capfirst

from accounts.languages import LANGUAGE_NAMES

from .models import Indicator, ProgressUpdate, Stage


@dataclass
class Change:
    label: str
    before: str
    after: str
    # The language the values are written in, for a field kept per language ("ja", "en").
    lang: str = ""


def _field_and_language(name: str) -> tuple[str, str]:
    """("achievements", "en") for achievements_en; (name, "") for a field kept once
    (stage, progress)."""
    base, _sep, language = name.rpartition("_")
    return (base, language) if base and language in LANGUAGE_NAMES else (name, "")


def _written_in(name: str) -> str:
    return _field_and_language(name)[1]


def _display(update: ProgressUpdate, name: str) -> str:
    if name == "stage":
        return str(Stage(update.stage).label) if update.stage else ""
    if name == "progress":
        return "" if update.progress is None else f"{update.progress} %"
    return getattr(update, name) or ""


def _field_label(name: str) -> str:
    """ "What was done (Japanese)" for achievements_ja, in the active language."""
    return _label_in(name, translation.get_language())


@functools.cache
def _label_in(name: str, _language: str | None) -> str:
    """The label, worked out once per field and language: the review queue asked for it
    a few hundred times a page."""
    base, language = _field_and_language(name)
    if language:
        label = ProgressUpdate._meta.get_field(base).verbose_name
        return f"{capfirst(label)} ({LANGUAGE_NAMES[language]})"
    return str(capfirst(ProgressUpdate._meta.get_field(name).verbose_name))


def _figure(value) -> str:
    """1200.00 -> "1,200"; 12.50 -> "12.5"."""
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".")


def text_changes(update: ProgressUpdate, earlier) -> list[Change]:
    """The content fields whose displayed value differs between ``earlier`` (an update or
    a historical version of one) and ``update``. No queries."""
    changes = []
    for name in ProgressUpdate.EDITABLE_FIELDS:
        after, before = _display(update, name), _display(earlier, name)
        if after != before:
            changes.append(
                Change(_field_label(name), before=before, after=after, lang=_written_in(name))
            )
    return changes


def update_changes(update: ProgressUpdate, previous: ProgressUpdate | None) -> list[Change]:
    """What ``update`` changes from ``previous`` (the pledge's last published update): the
    content fields and indicator values whose displayed value differs. Everything the
    update says when there is no previous one. No queries when indicator values are
    prefetched."""
    changes = []
    for name in ProgressUpdate.EDITABLE_FIELDS:
        after = _display(update, name)
        before = _display(previous, name) if previous is not None else ""
        if after != before:
            changes.append(
                Change(_field_label(name), before=before, after=after, lang=_written_in(name))
            )
    new_values = list(update.indicator_values.all())
    old_values = list(previous.indicator_values.all()) if previous else []
    indicators = {v.indicator_id: v.indicator for v in [*new_values, *old_values]}
    return changes + _indicator_changes(
        {v.indicator_id: v.value for v in new_values},
        {v.indicator_id: v.value for v in old_values},
        indicators,
    )


def changes_since_return(
    update: ProgressUpdate, returned, indicators: dict[int, Indicator]
) -> list[Change]:
    """What ``update`` changes from ``returned``, the historical version of it the
    secretariat returned: the content fields, then the indicator values it had then (its
    ``returned_values``; left out for an update returned before they were recorded).
    ``indicators``: id -> Indicator for values no longer reported. No queries when the
    update's indicator values are prefetched."""
    changes = text_changes(update, returned)
    snapshot = getattr(returned, "returned_values", None)
    if snapshot is None:
        return changes
    new_values = list(update.indicator_values.all())
    indicators = {**indicators, **{v.indicator_id: v.indicator for v in new_values}}
    return changes + _indicator_changes(
        {v.indicator_id: v.value for v in new_values},
        {int(pk): Decimal(value) for pk, value in snapshot.items()},
        indicators,
    )


def _indicator_changes(
    new: dict[int, Decimal], old: dict[int, Decimal], indicators: dict[int, Indicator]
) -> list[Change]:
    """The indicators whose value differs between ``old`` and ``new`` (id -> value), each
    figure with its unit: "1,200 people", "5,000,000 Japanese yen (JPY)"."""
    changes = []
    for indicator_id in sorted(set(new) | set(old)):
        after, before = new.get(indicator_id), old.get(indicator_id)
        if after is not None and before is not None and after == before:
            continue
        indicator = indicators.get(indicator_id)
        if indicator is None:  # deleted since its value was taken out
            continue
        unit = indicator.get_unit_display()
        changes.append(
            Change(
                label=f"{indicator.name} ({unit})",
                before=f"{_figure(before)} {unit}" if before is not None else "",
                after=f"{_figure(after)} {unit}" if after is not None else "",
            )
        )
    return changes
