"""What a progress update changes from an earlier one, for the secretariat's review."""

from dataclasses import dataclass

from django.utils.text import capfirst

from accounts.languages import LANGUAGE_NAMES

from .models import ProgressUpdate, Stage


@dataclass
class Change:
    label: str
    before: str
    after: str


def _display(update: ProgressUpdate, name: str) -> str:
    if name == "stage":
        return str(Stage(update.stage).label) if update.stage else ""
    if name == "progress":
        return "" if update.progress is None else f"{update.progress} %"
    return getattr(update, name) or ""


def _field_label(name: str) -> str:
    """ "What was done (Japanese)" for achievements_ja."""
    base, _sep, language = name.rpartition("_")
    if language in LANGUAGE_NAMES and base:
        label = ProgressUpdate._meta.get_field(base).verbose_name
        return f"{capfirst(label)} ({LANGUAGE_NAMES[language]})"
    return capfirst(ProgressUpdate._meta.get_field(name).verbose_name)


def _figure(value) -> str:
    """1200.00 -> "1,200"; 12.50 -> "12.5"."""
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".")


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
            changes.append(Change(label=_field_label(name), before=before, after=after))
    new_values = {v.indicator_id: v for v in update.indicator_values.all()}
    old_values = {v.indicator_id: v for v in previous.indicator_values.all()} if previous else {}
    for indicator_id in sorted(set(new_values) | set(old_values)):
        new, old = new_values.get(indicator_id), old_values.get(indicator_id)
        if new and old and new.value == old.value:
            continue
        indicator = (new or old).indicator
        changes.append(
            Change(
                label=f"{indicator.name} ({indicator.get_unit_display()})",
                before=_figure(old.value) if old else "",
                after=_figure(new.value) if new else "",
            )
        )
    return changes
