"""Downloads of the pledge list: the pledges it shows (with its filters) and their
published updates, as CSV, Excel or JSON. Same visibility as the list itself."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from accounts.access import network_page
from dashboards.filters import PledgeFilter
from pledges.models import Pledge

from . import exporting

FORMATS = ("csv", "xlsx", "json")


def _filtered_pledges(request):
    """The pledge list's pledges for the URL's filters (values it cannot use are ignored,
    as on the list)."""
    return PledgeFilter(request.GET or None, queryset=Pledge.objects.all()).qs


@require_safe
@network_page
def pledge_export(request, file_format):
    """The filtered pledges with organizations, objectives, areas, stage, progress and
    indicators' latest values. Seven queries whatever the number of pledges."""
    if file_format not in FORMATS:
        raise Http404
    pledges = exporting.pledges_for_export(_filtered_pledges(request))
    headers, rows = exporting.pledge_rows(pledges) if file_format != "json" else ([], [])
    records = [exporting.pledge_record(p) for p in pledges] if file_format == "json" else []
    return exporting.download("pledges", file_format, headers, rows, records)


@require_safe
@network_page
def update_export(request, file_format):
    """The published updates of the filtered pledges. Three queries."""
    if file_format not in FORMATS:
        raise Http404
    updates = exporting.published_updates(_filtered_pledges(request))
    headers, rows = exporting.update_rows(updates) if file_format != "json" else ([], [])
    records = [exporting.update_record(u) for u in updates] if file_format == "json" else []
    return exporting.download("updates", file_format, headers, rows, records)


# --- The API's documentation page -------------------------------------------------------

ENDPOINTS = {
    "/api/v1/pledges/": (
        gettext_lazy(
            "Pledges with their current stage (“none” before the first published update), "
            "progress, objectives, organizations, areas of focus, types of contribution and "
            "indicators with their latest published values. Takes the pledge list's filters."
        ),
        "?objective=2&stage=in_progress",
    ),
    "/api/v1/pledges/{pledge_id}/": (gettext_lazy("One pledge, by its id."), None),
    "/api/v1/updates/": (
        gettext_lazy(
            "Published progress updates, oldest first, with the indicator values they "
            "reported. Takes the pledge list's filters (for the updates' pledges). Drafts, "
            "submitted and returned updates are never listed."
        ),
        "?organization=mofa",
    ),
    "/api/v1/organizations/": (gettext_lazy("Active organizations."), ""),
    "/api/v1/meetings/": (gettext_lazy("Published meetings, oldest first."), ""),
}

PARAMETERS = {
    "page": gettext_lazy("Page number, from 1."),
    "page_size": gettext_lazy("Records a page: 50 unless given, at most 200."),
    "objective": gettext_lazy("GCR objective number (1 to 4)."),
    "area": gettext_lazy("Area of focus, by slug."),
    "organization": gettext_lazy("Lead or co-pledging organization, by slug."),
    "kind": gettext_lazy("Kind of the lead or a co-pledging organization."),
    "stage": gettext_lazy("Current stage; none: no report yet."),
    "contribution": gettext_lazy("Type of contribution, by slug."),
    "forum": gettext_lazy("The forum the pledge was made at."),
    "stale": gettext_lazy("1: only pledges without a published update in the current period."),
    "updated": gettext_lazy("1: only pledges updated in the current period."),
    "q": gettext_lazy("Words in the title or description, in either language."),
    "sort": gettext_lazy("Order of the pledges."),
    "pledge_id": gettext_lazy("The pledge's id."),
}


def _values(schema: dict) -> str:
    """What a query parameter accepts, from its OpenAPI schema."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    option = options[0] if options else {}
    if "enum" in option:
        return ", ".join(str(v) for v in option["enum"])
    if "const" in option:
        return str(option["const"])
    if option.get("type") == "integer":
        low, high = option.get("minimum"), option.get("maximum")
        if low is not None and high is not None:
            return f"{low}–{high}"
        return f"≥ {low}" if low is not None else str(gettext_lazy("whole number"))
    return str(gettext_lazy("text"))


@require_safe
def api_docs(request):
    """The JSON API described for people, in their language, from its OpenAPI document."""
    from .api import api

    document = api.get_openapi_schema()
    endpoints = []
    for path, operations in document["paths"].items():
        operation = operations["get"]
        description, example = ENDPOINTS.get(path, ("", None))
        endpoints.append(
            {
                "path": path,
                "description": description,
                "example": None if example is None else path + example,
                "parameters": [
                    {
                        "name": p["name"],
                        "where": p["in"],
                        "required": p.get("required", False),
                        "values": _values(p.get("schema", {})),
                        "description": PARAMETERS.get(p["name"], ""),
                    }
                    for p in operation.get("parameters", [])
                ],
            }
        )
    return render(
        request,
        "exchange/api_docs.html",
        {"endpoints": endpoints, "version": document["info"]["version"]},
    )
