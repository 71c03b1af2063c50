"""The columns of each import table (the README documents every one with an example).

Exports in the import format write the same columns plus a few read-only ones (ids, the
current stage, indicators' latest values) that an import accepts and ignores.
"""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

ORGANIZATION_COLUMNS = (
    "slug",
    "name_ja",
    "name_en",
    "short_name_ja",
    "short_name_en",
    "kind",
    "website",
    "description_ja",
    "description_en",
    "is_active",
)
ORGANIZATION_EXPORT_ONLY = ("id", "url")

INDICATOR_FIELDS = ("name_en", "name_ja", "unit", "baseline", "target")
INDICATOR_EXPORT_ONLY_FIELDS = ("actual", "actual_as_of")

PLEDGE_COLUMNS = (
    "grf_id",
    "forum",
    "lead_organization",
    "co_organizations",
    "title_ja",
    "title_en",
    "description_ja",
    "description_en",
    "objectives",
    "focus_areas",
    "contribution_types",
    "multi_stakeholder_pledge_ja",
    "multi_stakeholder_pledge_en",
    "multi_stakeholder_pledge_url",
    "linked_pledges",
    "estimated_cost",
    "cost_currency",
    "uncertainty_ja",
    "uncertainty_en",
    "pledged_on",
    "start_date",
    "end_date",
    "countries",
    "source",
    "source_url",
    *(f"source_1_{field}" for field in ("title_ja", "title_en", "url")),
    *(f"indicator_1_{field}" for field in INDICATOR_FIELDS),
)
# The end date's older name: a file exported before it was dropped is still read, its value
# taken as the end date where that is empty. Never written.
LEGACY_END_DATE = "target_date"
PLEDGE_LEGACY = (LEGACY_END_DATE,)
PLEDGE_EXPORT_ONLY = (
    "id",
    "url",
    "lead_organization_name_ja",
    "lead_organization_name_en",
    "stage",
    "progress",
    "last_published_at",
)

MEETING_COLUMNS = (
    "kind",
    "number",
    "title_ja",
    "title_en",
    "date",
    "start_time",
    "end_time",
    "venue_ja",
    "venue_en",
    "format",
    "co_hosts",
    "update_deadline",
    "summary_ja",
    "summary_en",
    "source_url",
    "is_published",
)
MEETING_EXPORT_ONLY = ("id", "url")

UPDATE_COLUMNS = (
    "pledge_grf_id",
    "pledge_title",
    "organization",
    "stage",
    "progress",
    "achievements_ja",
    "achievements_en",
    "challenges_ja",
    "challenges_en",
    "next_steps_ja",
    "next_steps_en",
    "refugee_participation_ja",
    "refugee_participation_en",
    "links",
    "indicator_values",
    "published_at",
)
UPDATE_EXPORT_ONLY = ("id", "pledge_id", "organization_name_ja", "organization_name_en", "url")

SOURCE_FIELDS = ("title_ja", "title_en", "url")
GROUP_FIELDS = {
    "indicator": (*INDICATOR_FIELDS, *INDICATOR_EXPORT_ONLY_FIELDS),
    "source": SOURCE_FIELDS,
}
_DYNAMIC = re.compile(r"^(indicator|source)_(\d{1,2})_([a-z_]+)$")


def matches_dynamic(prefix: str, name: str) -> bool:
    match = _DYNAMIC.match(name)
    return bool(match and match.group(1) == prefix and match.group(3) in GROUP_FIELDS[prefix])


def group_numbers(row: dict, prefix: str) -> list[int]:
    """The N of the ``<prefix>_N_*`` columns present, in order."""
    imported = INDICATOR_FIELDS if prefix == "indicator" else SOURCE_FIELDS
    numbers = set()
    for name in row:
        match = _DYNAMIC.match(name)
        if match and match.group(1) == prefix and match.group(3) in imported:
            numbers.add(int(match.group(2)))
    return sorted(numbers)


def indicator_numbers(row: dict) -> list[int]:
    return group_numbers(row, "indicator")


def source_columns(count: int) -> list[str]:
    return [f"source_{n}_{field}" for n in range(1, count + 1) for field in SOURCE_FIELDS]


def indicator_columns(count: int, *, with_actual: bool) -> list[str]:
    fields = INDICATOR_FIELDS + (INDICATOR_EXPORT_ONLY_FIELDS if with_actual else ())
    return [f"indicator_{n}_{field}" for n in range(1, count + 1) for field in fields]


def parse_decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", ""))
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise ValueError(_("“%(value)s” is not a number.") % {"value": text.strip()}) from None
    return value.quantize(Decimal("0.01"))
