"""What leaves the system: pledges, published updates, organizations and meetings as
rows (CSV, Excel) or nested records (JSON, the API).

Only what the network's pages show is ever read here: published updates (never a draft,
a submitted or returned update, nor a review comment), published meetings, and a pledge's
state as its latest published update left it. Each queryset function states its query
cost, which does not grow with the number of rows.

Cells that a spreadsheet would run as a formula are escaped with a leading apostrophe;
the import reads such a cell back as the text it was.
"""

import csv
import datetime
import io
import json
import zipfile
from decimal import Decimal

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone, translation

from accounts.links import site_url
from meetings.models import Meeting
from organizations.models import Organization
from pledges.models import (
    ContributionType,
    FocusArea,
    Indicator,
    IndicatorValue,
    Objective,
    Pledge,
    PledgeSource,
    ProgressUpdate,
)

from . import columns as cols

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


# --- Querysets ----------------------------------------------------------------------------


CoPledge = Pledge.co_organizations.through
LinkedPledge = Pledge.linked_pledges.through
PledgeObjective = Pledge.objectives.through
PledgeArea = Pledge.focus_areas.through
PledgeType = Pledge.contribution_types.through


def _grouped(pairs, objects: dict) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for owner_id, object_id in pairs:
        grouped.setdefault(owner_id, []).append(objects[object_id])
    return grouped


def attach_pledge_relations(pledges: list[Pledge], source: QuerySet | None = None) -> list[Pledge]:
    """Give each pledge ``co_list``, ``objective_list``, ``area_list``, ``type_list`` and
    ``indicator_list``. Eight queries whatever the number of pledges: the link tables are
    read as pairs of ids and grouped in one pass (Django's prefetch builds a queryset per
    pledge and link, seconds at 2,000 pledges). ``source``, the queryset the pledges came
    from, keeps long id lists out of the SQL."""
    if not pledges:
        return pledges
    scope = (
        {"pledge__in": source.order_by().values("pk")}
        if source is not None
        else {"pledge__in": [p.pk for p in pledges]}
    )
    organizations = {o.pk: o for o in Organization.objects.all()}
    objectives = {o.pk: o for o in Objective.objects.all()}
    areas = {a.pk: a for a in FocusArea.objects.all()}
    types = {t.pk: t for t in ContributionType.objects.all()}
    co = _grouped(
        CoPledge.objects.filter(**scope)
        .order_by("organization__slug")
        .values_list("pledge_id", "organization_id"),
        organizations,
    )
    by_objective = _grouped(
        PledgeObjective.objects.filter(**scope)
        .order_by("objective__number")
        .values_list("pledge_id", "objective_id"),
        objectives,
    )
    by_area = _grouped(
        PledgeArea.objects.filter(**scope)
        .order_by("focusarea__order", "focusarea__slug")
        .values_list("pledge_id", "focusarea_id"),
        areas,
    )
    by_type = _grouped(
        PledgeType.objects.filter(**scope)
        .order_by("contributiontype__order", "contributiontype__slug")
        .values_list("pledge_id", "contributiontype_id"),
        types,
    )
    linked: dict[int, list] = {}
    for from_id, to_id, grf_id, title_ja, title_en in (
        LinkedPledge.objects.filter(
            **{k.replace("pledge", "from_pledge"): v for k, v in scope.items()}
        )
        .order_by("to_pledge_id")
        .values_list(
            "from_pledge_id",
            "to_pledge_id",
            "to_pledge__grf_reference",
            "to_pledge__title_ja",
            "to_pledge__title_en",
        )
    ):
        linked.setdefault(from_id, []).append(
            {"id": to_id, "grf_id": grf_id, "title": {"ja": title_ja or "", "en": title_en or ""}}
        )
    sources: dict[int, list] = {}
    for source in PledgeSource.objects.filter(**scope).order_by("order", "id"):
        sources.setdefault(source.pledge_id, []).append(source)
    indicators: dict[int, list] = {}
    for indicator in Indicator.objects.filter(**scope).order_by("order", "id"):
        indicators.setdefault(indicator.pledge_id, []).append(indicator)
    for pledge in pledges:
        pledge.co_list = co.get(pledge.pk, [])
        pledge.objective_list = by_objective.get(pledge.pk, [])
        pledge.area_list = by_area.get(pledge.pk, [])
        pledge.type_list = by_type.get(pledge.pk, [])
        pledge.indicator_list = indicators.get(pledge.pk, [])
        pledge.linked_list = linked.get(pledge.pk, [])
        pledge.source_list = sources.get(pledge.pk, [])
    return pledges


def pledges_for_export(queryset: QuerySet | None = None) -> list[Pledge]:
    """Pledges with everything a row shows (``attach_pledge_relations``). Nine queries
    whatever the number of pledges."""
    queryset = queryset if queryset is not None else Pledge.objects.order_by("pk")
    pledges = list(queryset.select_related("lead_organization"))
    return attach_pledge_relations(pledges, queryset)


def published_updates_queryset(pledges: QuerySet | None = None) -> QuerySet:
    """Published updates (of ``pledges`` when given), oldest first, with their pledge and
    organization; ``attach_update_values`` adds what they reported."""
    updates = ProgressUpdate.objects.published()
    if pledges is not None:
        updates = updates.filter(pledge__in=pledges.order_by().values("pk"))
    return updates.select_related("pledge", "organization").order_by("published_at", "pk")


def attach_update_values(updates: list[ProgressUpdate], source: QuerySet | None = None):
    """Give each update ``value_list``, its indicator values with their indicator. One
    query."""
    if not updates:
        return updates
    scope = (
        {"update__in": source.order_by().values("pk")}
        if source is not None
        else {"update__in": [u.pk for u in updates]}
    )
    values: dict[int, list] = {}
    for value in (
        IndicatorValue.objects.filter(**scope)
        .select_related("indicator")
        .order_by("indicator__order", "indicator__id")
    ):
        values.setdefault(value.update_id, []).append(value)
    for update in updates:
        update.value_list = values.get(update.pk, [])
    return updates


def published_updates(pledges: QuerySet | None = None) -> list[ProgressUpdate]:
    """Published updates with their pledge, organization and indicator values. Two
    queries."""
    queryset = published_updates_queryset(pledges)
    return attach_update_values(list(queryset), queryset)


def organizations_for_export() -> QuerySet:
    return Organization.objects.order_by("slug")


def meetings_for_export(*, include_unpublished: bool = False) -> QuerySet:
    """Published meetings (all of them for the secretariat's admin), with co-hosts."""
    meetings = Meeting.objects.all() if include_unpublished else Meeting.objects.published()
    return meetings.prefetch_related("co_hosts").order_by("date")


# --- Values -------------------------------------------------------------------------------


def both(obj, field: str) -> dict:
    """A translated field in both languages."""
    return {"ja": getattr(obj, f"{field}_ja") or "", "en": getattr(obj, f"{field}_en") or ""}


def iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def stage_of(pledge: Pledge) -> str:
    """The pledge's stage code; "none" before its first published update."""
    return pledge.current_stage


def _country_name(code: str, language: str) -> str:
    from django_countries import countries

    with translation.override(language):
        return str(countries.name(code))


def organization_ref(organization: Organization) -> dict:
    return {"id": organization.pk, "slug": organization.slug, "name": both(organization, "name")}


# --- Records (JSON and the API) -------------------------------------------------------------


def pledge_record(pledge: Pledge) -> dict:
    return {
        "id": pledge.pk,
        "url": site_url(pledge.get_absolute_url()),
        "grf_id": pledge.grf_reference,
        "forum": pledge.forum,
        "title": both(pledge, "title"),
        "description": both(pledge, "description"),
        "lead_organization": organization_ref(pledge.lead_organization),
        "co_organizations": [organization_ref(o) for o in pledge.co_list],
        "objectives": [
            {"number": o.number, "title": both(o, "title")} for o in pledge.objective_list
        ],
        "focus_areas": [{"slug": a.slug, "name": both(a, "name")} for a in pledge.area_list],
        "contribution_types": [{"slug": t.slug, "name": both(t, "name")} for t in pledge.type_list],
        "multi_stakeholder_pledge": {
            "title": both(pledge, "multi_stakeholder_pledge"),
            "url": pledge.multi_stakeholder_pledge_url,
        },
        "linked_pledges": pledge.linked_list,
        "estimated_cost": number(pledge.estimated_cost),
        "cost_currency": pledge.cost_currency,
        "uncertainty": both(pledge, "uncertainty"),
        "pledged_on": iso(pledge.pledged_on),
        # The end date's older name, kept for readers of the API's first version.
        "target_date": iso(pledge.end_date),
        "start_date": iso(pledge.start_date),
        "end_date": iso(pledge.end_date),
        "countries": [
            {"code": c.code, "name": {lang: _country_name(c.code, lang) for lang in ("ja", "en")}}
            for c in pledge.countries
        ],
        "source": pledge.source_citation,
        "source_url": pledge.source_url,
        "sources": [{"title": both(s, "title"), "url": s.url} for s in pledge.source_list],
        "stage": stage_of(pledge),
        "progress": pledge.current_progress,
        "last_published_at": iso(pledge.last_published_at),
        "indicators": [
            {
                "id": i.pk,
                "name": both(i, "name"),
                "unit": i.unit,
                "baseline": number(i.baseline),
                "target": number(i.target),
                "actual": number(i.actual),
                "actual_as_of": iso(i.actual_as_of),
            }
            for i in pledge.indicator_list
        ],
    }


def update_record(update: ProgressUpdate) -> dict:
    return {
        "id": update.pk,
        "url": site_url(update.get_absolute_url()),
        "pledge": {
            "id": update.pledge_id,
            "grf_id": update.pledge.grf_reference,
            "title": both(update.pledge, "title"),
        },
        "organization": organization_ref(update.organization),
        "stage": update.stage,
        "progress": update.progress,
        "achievements": both(update, "achievements"),
        "challenges": both(update, "challenges"),
        "next_steps": both(update, "next_steps"),
        "refugee_participation": both(update, "refugee_participation"),
        "links": update.link_list,
        "indicator_values": [
            {
                "indicator_id": v.indicator_id,
                "name": both(v.indicator, "name"),
                "unit": v.indicator.unit,
                "value": number(v.value),
            }
            for v in update.value_list
        ],
        "published_at": iso(update.published_at),
    }


def organization_record(organization: Organization) -> dict:
    return {
        "id": organization.pk,
        "url": site_url(organization.get_absolute_url()),
        "slug": organization.slug,
        "name": both(organization, "name"),
        "short_name": both(organization, "short_name"),
        "kind": organization.kind,
        "website": organization.website,
        "description": both(organization, "description"),
        "is_active": organization.is_active,
    }


def meeting_record(meeting: Meeting) -> dict:
    return {
        "id": meeting.pk,
        "url": site_url(meeting.get_absolute_url()),
        "kind": meeting.kind,
        "number": meeting.number,
        "title": both(meeting, "title"),
        "date": iso(meeting.date),
        "start_time": iso(meeting.start_time),
        "end_time": iso(meeting.end_time),
        "venue": both(meeting, "venue"),
        "format": meeting.format,
        "co_hosts": [organization_ref(o) for o in meeting.co_hosts.all()],
        "update_deadline": iso(meeting.update_deadline),
        "summary": both(meeting, "summary"),
        "source_url": meeting.source_url,
    }


# --- Rows (CSV and Excel), in the import's own columns ------------------------------------


def _joined(values) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return str(number(value))
    if isinstance(value, datetime.date | datetime.time):
        return iso(value)
    return str(value)


def pledge_rows(pledges) -> tuple[list[str], list[list[str]]]:
    pledges = list(pledges)
    most = max((len(p.indicator_list) for p in pledges), default=0)
    most_sources = max((len(p.source_list) for p in pledges), default=0)
    headers = [
        "id",
        *[c for c in cols.PLEDGE_COLUMNS if not c.startswith(("indicator_", "source_1_"))],
        *cols.source_columns(max(most_sources, 1)),
        *cols.PLEDGE_EXPORT_ONLY[2:],
        *cols.indicator_columns(max(most, 1), with_actual=True),
        "url",
    ]
    rows = []
    for p in pledges:
        lead = p.lead_organization
        values = {
            "id": p.pk,
            "grf_id": p.grf_reference,
            "forum": p.forum,
            "lead_organization": lead.slug,
            "lead_organization_name_ja": lead.name_ja,
            "lead_organization_name_en": lead.name_en,
            "co_organizations": _joined(o.slug for o in p.co_list),
            "title_ja": p.title_ja,
            "title_en": p.title_en,
            "description_ja": p.description_ja,
            "description_en": p.description_en,
            "objectives": _joined(o.number for o in p.objective_list),
            "focus_areas": _joined(a.slug for a in p.area_list),
            "contribution_types": _joined(t.slug for t in p.type_list),
            "multi_stakeholder_pledge_ja": p.multi_stakeholder_pledge_ja,
            "multi_stakeholder_pledge_en": p.multi_stakeholder_pledge_en,
            "multi_stakeholder_pledge_url": p.multi_stakeholder_pledge_url,
            "linked_pledges": _joined(
                link["grf_id"] or link["title"]["en"] or link["title"]["ja"]
                for link in p.linked_list
            ),
            "estimated_cost": p.estimated_cost,
            "cost_currency": p.cost_currency,
            "uncertainty_ja": p.uncertainty_ja,
            "uncertainty_en": p.uncertainty_en,
            "pledged_on": p.pledged_on,
            "start_date": p.start_date,
            "end_date": p.end_date,
            "countries": _joined(c.code for c in p.countries),
            "source": p.source_citation,
            "source_url": p.source_url,
            "stage": stage_of(p),
            "progress": p.current_progress,
            "last_published_at": iso(p.last_published_at),
            "url": site_url(p.get_absolute_url()),
        }
        for n, source in enumerate(p.source_list, start=1):
            for field in cols.SOURCE_FIELDS:
                values[f"source_{n}_{field}"] = getattr(source, field)
        for n, indicator in enumerate(p.indicator_list, start=1):
            for field in cols.INDICATOR_FIELDS + cols.INDICATOR_EXPORT_ONLY_FIELDS:
                value = getattr(indicator, field)
                values[f"indicator_{n}_{field}"] = iso(value) if field == "actual_as_of" else value
        rows.append([_cell(values.get(h)) for h in headers])
    return headers, rows


def update_rows(updates) -> tuple[list[str], list[list[str]]]:
    headers = [
        "id",
        "pledge_id",
        *cols.UPDATE_COLUMNS,
        "organization_name_ja",
        "organization_name_en",
        "url",
    ]
    rows = []
    for u in updates:
        values = {
            "id": u.pk,
            "pledge_id": u.pledge_id,
            "pledge_grf_id": u.pledge.grf_reference,
            "pledge_title": u.pledge.title_en or u.pledge.title_ja,
            "organization": u.organization.slug,
            "organization_name_ja": u.organization.name_ja,
            "organization_name_en": u.organization.name_en,
            "stage": u.stage,
            "progress": u.progress,
            **{name: getattr(u, name) for name in ProgressUpdate.TRANSLATED_TEXT_FIELDS},
            "links": "\n".join(u.link_list),
            "indicator_values": "\n".join(
                f"{v.indicator.name_en or v.indicator.name_ja}: {number(v.value)}"
                for v in u.value_list
            ),
            "published_at": iso(u.published_at),
            "url": site_url(u.get_absolute_url()),
        }
        rows.append([_cell(values.get(h)) for h in headers])
    return headers, rows


def organization_rows(organizations) -> tuple[list[str], list[list[str]]]:
    headers = ["id", *cols.ORGANIZATION_COLUMNS, "url"]
    rows = []
    for o in organizations:
        values = {c: getattr(o, c, None) for c in cols.ORGANIZATION_COLUMNS}
        values.update(id=o.pk, url=site_url(o.get_absolute_url()))
        rows.append([_cell(values.get(h)) for h in headers])
    return headers, rows


def meeting_rows(meetings) -> tuple[list[str], list[list[str]]]:
    headers = ["id", *cols.MEETING_COLUMNS, "url"]
    rows = []
    for m in meetings:
        values = {c: getattr(m, c, None) for c in cols.MEETING_COLUMNS if c != "co_hosts"}
        values.update(
            id=m.pk,
            co_hosts=_joined(o.slug for o in m.co_hosts.all()),
            url=site_url(m.get_absolute_url()),
        )
        rows.append([_cell(values.get(h)) for h in headers])
    return headers, rows


TABLES = {
    "organizations": (organization_rows, organizations_for_export),
    "pledges": (pledge_rows, pledges_for_export),
    "meetings": (meeting_rows, meetings_for_export),
    "updates": (update_rows, published_updates),
}


def import_format_dataset(table: str, queryset: QuerySet):
    """A tablib Dataset of ``table`` (the resources' ``export``, used by the admin)."""
    import tablib

    to_rows, prepare = TABLES[table]
    if table == "pledges":
        queryset = pledges_for_export(queryset.order_by("pk"))
    elif table == "updates":
        source = published_updates_queryset().filter(pk__in=queryset.values("pk"))
        queryset = attach_update_values(list(source), source)
    elif table == "meetings":
        queryset = queryset.prefetch_related("co_hosts")
    headers, rows = to_rows(queryset)
    return tablib.Dataset(*[escape_row(r) for r in rows], headers=headers, title=table)


# --- Files --------------------------------------------------------------------------------


def escape_formula(value: str) -> str:
    """A cell a spreadsheet would run as a formula, made plain text (OWASP's advice)."""
    if value and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def escape_row(row: list[str]) -> list[str]:
    return [escape_formula(cell) for cell in row]


def to_csv(headers: list[str], rows: list[list[str]]) -> bytes:
    """UTF-8 with a BOM, so that Excel on Windows reads Japanese text right."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(escape_row(row) for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(tables: dict[str, tuple[list[str], list[list[str]]]]) -> bytes:
    """One sheet a table, the header row bold and frozen."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    for title, (headers, rows) in tables.items():
        sheet = workbook.create_sheet(title=title[:31])
        sheet.freeze_panes = "A2"
        header_cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font = Font(bold=True)
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            sheet.append(escape_row(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def to_csv_zip(tables: dict[str, tuple[list[str], list[list[str]]]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for title, (headers, rows) in tables.items():
            archive.writestr(f"{title}.csv", to_csv(headers, rows))
    return buffer.getvalue()


def everything_tables(*, include_unpublished_meetings: bool = False) -> dict:
    """Every table, in import order: what ``export_data`` writes. Fourteen queries."""
    return {
        "organizations": organization_rows(organizations_for_export()),
        "pledges": pledge_rows(pledges_for_export()),
        "meetings": meeting_rows(
            meetings_for_export(include_unpublished=include_unpublished_meetings)
        ),
        "updates": update_rows(published_updates()),
    }


def everything_records(*, include_unpublished_meetings: bool = False) -> dict:
    return {
        "organizations": [organization_record(o) for o in organizations_for_export()],
        "pledges": [pledge_record(p) for p in pledges_for_export()],
        "meetings": [
            meeting_record(m)
            for m in meetings_for_export(include_unpublished=include_unpublished_meetings)
        ],
        "updates": [update_record(u) for u in published_updates()],
    }


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def download(table: str, file_format: str, headers, rows, records) -> HttpResponse:
    """One table as a file to download: rows for CSV and Excel, records for JSON."""
    if file_format == "csv":
        content = to_csv(headers, rows)
    elif file_format == "xlsx":
        content = to_xlsx({table: (headers, rows)})
    else:
        content = to_json(records)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    name = f"grfnet-{table}-{timezone.localdate().isoformat()}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
