"""Content written in one language only: what the secretariat may want to translate.

Pledges, organizations, meetings (and other events), indicators and published updates
whose text fields have Japanese or English but not both. Readers of the other language see
the text as written, marked with ``lang`` and "Written in ..." (``accounts.languages``);
this list is where the secretariat finds them and follows a link to the admin, where the
two languages stand side by side (a published update is corrected through
``pledges.services.update_correct``, so its history keeps the earlier version).

The counts are built once per change of the published data; the list shows the first
``ITEMS_SHOWN`` items of each kind.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.languages import LANGUAGE_NAMES, missing_language
from meetings.models import Meeting
from organizations.models import Organization
from pledges.models import Indicator, Pledge, ProgressUpdate
from pledges.published import PublishedState, cached


def _empty(name: str) -> Q:
    return Q(**{f"{name}__isnull": True}) | Q(**{name: ""})


def _one_language_only(fields) -> Q:
    """Rows where some field has text in exactly one of the two languages."""
    condition = Q()
    for name in fields:
        ja, en = f"{name}_ja", f"{name}_en"
        condition |= (_empty(ja) & ~_empty(en)) | (~_empty(ja) & _empty(en))
    return condition


@dataclass
class Item:
    obj: object
    fields: list[str]  # the labels of the fields with one language only
    languages: list[str]  # names of the languages they lack
    admin_url: str


# At the Forum size a kind can lack a language in tens of thousands of items: the page shows
# the oldest ones, a work list that moves on as they are translated.
ITEMS_SHOWN = 50


@dataclass
class Group:
    key: str
    label: str
    count: int = 0
    items: list[Item] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.items)


KINDS = [
    # key, label, queryset, fields
    ("pledges", _("Pledges"), lambda: Pledge.objects.select_related("lead_organization"),
     ("title", "description", "multi_stakeholder_pledge", "uncertainty")),
    ("organizations", _("Organizations"), lambda: Organization.objects.active(),
     ("name", "short_name", "description")),
    ("meetings", _("Meetings and events"), lambda: Meeting.objects.all(),
     ("title", "venue", "summary")),
    ("indicators", _("Indicators"), lambda: Indicator.objects.select_related("pledge"),
     ("name",)),
    ("updates", _("Published updates"),
     lambda: ProgressUpdate.objects.published().select_related("pledge", "organization"),
     ProgressUpdate.TEXT_FIELDS),
]  # fmt: skip


def _item(obj, fields) -> Item:
    labels, languages = [], set()
    for name in fields:
        lacking = missing_language(obj, name)
        if lacking:
            labels.append(str(obj._meta.get_field(name).verbose_name))
            languages.add(str(LANGUAGE_NAMES[lacking]))
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    return Item(obj=obj, fields=labels, languages=sorted(languages), admin_url=url)


def translations_needed() -> list[Group]:
    """Each kind of content with how many of its items are in one language only, and the
    first ``ITEMS_SHOWN`` of them. Ten queries (five when cached)."""
    counts = translations_needed_counts()
    groups = []
    for key, label, queryset, fields in KINDS:
        rows = queryset().filter(_one_language_only(fields)).order_by("pk")[:ITEMS_SHOWN]
        items = [_item(o, fields) for o in rows]
        groups.append(Group(key=key, label=str(label), count=counts[key], items=items))
    return groups


def translations_needed_counts(state: PublishedState | None = None) -> dict[str, int]:
    """How many items of each kind lack a language, and ``total``. Five queries, built once
    per change of the published data (which every edit of these texts is); one for the
    data version unless ``state`` is given."""
    return cached("translations-needed", _counts, state=state)


def _counts() -> dict[str, int]:
    counts = {}
    for key, _label, queryset, fields in KINDS:
        counts[key] = queryset().filter(_one_language_only(fields)).count()
    counts["total"] = sum(counts.values())
    return counts
