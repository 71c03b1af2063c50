from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from accounts.access import network_page

from . import selectors
from .filters import PledgeFilter
from .models import Pledge

PLEDGES_PER_PAGE = 25

# --- Read views: the dashboard, the pledge list and the pledge page ---------------------


@dataclass
class RollupRow:
    """A line of a dashboard table: what it counts and the list filter that finds them."""

    label: str
    filter_param: str
    rollup: selectors.Rollup
    url: str = ""


def _stage_figures(totals: selectors.Rollup, list_url: str) -> list[dict]:
    """The share of pledges at each stage, for the headline figures."""
    labels = selectors.stage_labels()
    return [
        {
            "stage": stage,
            "label": labels[stage],
            "share_text": f"{totals.share(stage)} %",
            "note": ngettext("%(count)d pledge", "%(count)d pledges", getattr(totals, stage))
            % {"count": getattr(totals, stage)},
            "href": f"{list_url}?stage={stage}",
        }
        for stage in selectors.STAGE_ORDER
    ]


@network_page
def home(request):
    """The dashboard: where the pledges stand, by objective, area, kind and organization."""
    dashboard = selectors.dashboard()
    list_url = reverse("pledges:list")
    totals = dashboard.totals
    context = {
        "dashboard": dashboard,
        "stage_labels": selectors.stage_labels(),
        "stage_figures": _stage_figures(totals, list_url),
        "updated_note": ngettext(
            "%(count)d pledge updated", "%(count)d pledges updated", totals.updated
        )
        % {"count": totals.updated},
        "updated_href": f"{list_url}?updated=1",
        "stale_href": f"{list_url}?stale=1",
        "objective_rows": [
            RollupRow(str(o), o.filter_param, o.rollup) for o in dashboard.objectives
        ],
        "area_rows": [RollupRow(a.name, a.filter_param, a.rollup) for a in dashboard.areas],
        "kind_rows": [RollupRow(k.label, f"kind={k.kind}", k.rollup) for k in dashboard.kinds],
        "organization_rows": [
            RollupRow(o.name, o.filter_param, o.rollup, o.get_absolute_url())
            for o in dashboard.organizations
        ],
    }
    return render(request, "pledges/home.html", context)


def _ignored_values(request, filterset) -> list[str]:
    """Notices for the URL parameters the list could not use: it ignores them instead of
    failing, and says so."""
    notices = []
    for name in filterset.errors:
        notices.append(
            _("“%(value)s” is not a value the “%(name)s” filter accepts, so it was ignored.")
            % {"value": request.GET.get(name, ""), "name": filterset.filters[name].label}
        )
    for name in sorted(set(request.GET) - set(filterset.filters) - {"page"}):
        notices.append(_("The unknown parameter “%(name)s” was ignored.") % {"name": name})
    return notices


def _active_filters(request, filterset) -> list[dict]:
    """The filters in use, each with the text to show and the address without it."""
    if not filterset.is_bound:
        return []
    active = []
    for name, value in filterset.form.cleaned_data.items():
        if name == "sort" or value in (None, ""):
            continue
        field = filterset.form.fields[name]
        if hasattr(field, "queryset"):
            shown = str(value)
        elif hasattr(field, "choices"):
            shown = dict(field.choices).get(value, value)
        else:
            shown = value
        remaining = request.GET.copy()
        for dropped in (name, "page"):
            remaining.pop(dropped, None)
        active.append(
            {"label": field.label, "value": shown, "remove_url": f"?{remaining.urlencode()}"}
        )
    return active


@network_page
def pledge_list(request):
    """Pledges filtered by the URL's parameters (see ``PledgeFilter``), a page at a time."""
    moment = selectors.moment()
    filterset = PledgeFilter(
        request.GET or None, queryset=selectors.pledges_for_list(moment), moment=moment
    )
    notices = _ignored_values(request, filterset)
    paginator = Paginator(filterset.qs, PLEDGES_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        notices.append(
            _("There is no page “%(page)s”; this is the first page.")
            % {"page": request.GET.get("page")}
        )
        page = paginator.page(1)
    return render(
        request,
        "pledges/pledge_list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "pledges": page.object_list,
            "notices": notices,
            "active_filters": _active_filters(request, filterset),
            "moment": moment,
        },
    )


@network_page
def pledge_detail(request, pk):
    """What was pledged, where it stands, its indicators and its published updates."""
    try:
        pledge = selectors.pledge_for_page(pk)
    except Pledge.DoesNotExist:
        raise Http404(_("No such pledge.")) from None
    moment = selectors.moment()
    return render(
        request,
        "pledges/pledge_detail.html",
        {
            "pledge": pledge,
            "is_stale": pledge.last_published_at is None
            or pledge.last_published_at < moment.stale_before,
            "other_language": _other_language(pledge),
        },
    )


def _other_language(pledge: Pledge) -> dict:
    """The pledge's title and description in the language not shown, where they differ
    from what the page shows (which falls back to the other language when one is empty)."""
    shown = "en" if (get_language() or "ja").startswith("en") else "ja"
    other = "ja" if shown == "en" else "en"
    title = getattr(pledge, f"title_{other}") or ""
    description = getattr(pledge, f"description_{other}") or ""
    return {
        "code": other,
        # Named in its own language: it is for readers of that language.
        "summary": "日本語で読む" if other == "ja" else "Read in English",
        "title": title if title != pledge.title else "",
        "description": description if description != pledge.description else "",
    }
