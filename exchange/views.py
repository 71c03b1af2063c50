"""Downloads of the pledge list: the pledges it shows (with its filters) and their
published updates, as CSV, Excel or JSON. Same visibility as the list itself."""

from django.http import Http404

from accounts.access import network_page
from pledges.filters import PledgeFilter
from pledges.models import Pledge

from . import exporting

FORMATS = ("csv", "xlsx", "json")


def _filtered_pledges(request):
    """The pledge list's pledges for the URL's filters (values it cannot use are ignored,
    as on the list)."""
    return PledgeFilter(request.GET or None, queryset=Pledge.objects.all()).qs


@network_page
def pledge_export(request, file_format):
    """The filtered pledges with organizations, objectives, areas, stage, progress and
    indicators' latest values. Seven queries whatever the number of pledges."""
    if file_format not in FORMATS:
        raise Http404
    pledges = list(exporting.pledges_for_export(_filtered_pledges(request)))
    headers, rows = exporting.pledge_rows(pledges) if file_format != "json" else ([], [])
    records = [exporting.pledge_record(p) for p in pledges] if file_format == "json" else []
    return exporting.download("pledges", file_format, headers, rows, records)


@network_page
def update_export(request, file_format):
    """The published updates of the filtered pledges. Three queries."""
    if file_format not in FORMATS:
        raise Http404
    updates = list(exporting.published_updates(_filtered_pledges(request)))
    headers, rows = exporting.update_rows(updates) if file_format != "json" else ([], [])
    records = [exporting.update_record(u) for u in updates] if file_format == "json" else []
    return exporting.download("updates", file_format, headers, rows, records)
