"""The read side's pages. Each authorises (``network_page`` or ``login_required``), asks a
selector, and renders; they show published data only, except the workspace, which shows
the user's own organizations' open updates."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from accounts.access import is_secretariat, network_page
from meetings.calendar import cached_current_period, current_period
from organizations.models import Organization
from pledges.models import Objective, Pledge
from pledges.published import cached, cached_body, cached_fragments, published_state

from . import geography, history, rollups, selectors, translations
from .filters import PledgeFilter

PLEDGES_PER_PAGE = 25
ORGANIZATIONS_PER_PAGE = 50
# The dashboard's organization table: the organizations with most pledges, then a link to
# /organizations/ (1,300 rows would make the page megabytes at the Forum size).
DASHBOARD_ORGANIZATIONS = 20


def paginate(request, items, per_page: int) -> dict:
    """``page_obj`` (the page the URL's ``page`` asks for; the first or last when it is not
    a page) and ``page_numbers`` (first, last and the pages around it) for _pagination.html."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return {"page_obj": page, "page_numbers": list(numbers)}


@dataclass
class RollupRow:
    """A line of a dashboard table: what it counts and the list filter that finds them."""

    label: str
    filter_param: str
    rollup: rollups.Rollup
    url: str = ""


def _stage_figures(totals: rollups.Rollup) -> list[dict]:
    """The share of pledges at each stage, for the headline figures."""
    list_url = reverse("dashboards:pledge_list")
    return [
        {
            "stage": stage,
            "label": label,
            "share_text": f"{totals.share(stage)} %",
            "note": ngettext("%(count)d pledge", "%(count)d pledges", totals.count(stage))
            % {"count": totals.count(stage)},
            "href": f"{list_url}?stage={stage}",
        }
        for stage, label in rollups.stage_labels().items()
    ]


@require_safe
@network_page
def home(request):
    """The dashboard: where the pledges stand, by objective, area, kind and organization.
    Built once per change of the published data (and per day and language); one query
    when cached."""
    state = published_state()
    context = cached_body(request, "dashboard", build=lambda: _dashboard_body(state), state=state)
    return render(request, "dashboards/home.html", context)


def _dashboard_body(state) -> dict:
    dashboard = cached("dashboard", selectors.dashboard, state=state)
    totals = dashboard.totals
    list_url = reverse("dashboards:pledge_list")
    return {
        "dashboard": dashboard,
        "stage_labels": rollups.stage_labels(),
        "stage_figures": _stage_figures(totals),
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
        "kind_rows": [RollupRow(k.label, k.filter_param, k.rollup) for k in dashboard.kinds],
        "organization_rows": [
            RollupRow(o.name, o.filter_param, o.rollup, o.get_absolute_url())
            for o in dashboard.organizations[:DASHBOARD_ORGANIZATIONS]
        ],
        "where": cached("dashboard-where", geography.where, state=state),
        "more_organizations": max(0, len(dashboard.organizations) - DASHBOARD_ORGANIZATIONS),
    }


@require_safe
@network_page
def pledge_list(request):
    """Pledges filtered by the URL's parameters (see ``PledgeFilter``), a page at a time.
    The body is cached per query string; a cached reader costs the data version's query
    (and the objective's, for the feed link in the head, when one is filtered by)."""

    def build_body():
        period = current_period()
        filterset = PledgeFilter(
            request.GET or None, queryset=selectors.pledges_for_list(period), period=period
        )
        page, notices = filterset.page(request.GET, PLEDGES_PER_PAGE)
        return {
            "filter": filterset,
            "period": period,
            "page_obj": page,
            "pledges": page.object_list,
            "notices": notices,
            "active_filters": filterset.active_filters(request.GET),
        }

    context = {
        "feed_objective": _objective_filtered_by(request),
        **cached_body(request, "pledges", build=build_body),
    }
    return render(request, "dashboards/pledge_list.html", context)


def _objective_filtered_by(request) -> Objective | None:
    """The GCR objective the list is filtered by, whose feed the page's head links."""
    number = request.GET.get("objective", "")
    return Objective.objects.filter(number=number).first() if number.isdigit() else None


@require_safe
@network_page
def pledge_detail(request, pk):
    """What was pledged, where it stands, its indicators and its published updates."""
    # The page's head (title, feed link) needs the pledge; its body is cached for visitors
    # who are not signed in (signed-in readers see their own follow button).
    pledge = Pledge.objects.filter(pk=pk).first()
    if pledge is None:
        raise Http404(_("No such pledge."))

    def build_body():
        pledge = selectors.pledge_for_page(pk, current_period())
        return {
            "pledge": pledge,
            "other_language": _other_language(pledge),
            "history": history.pledge_history(pledge),
        }

    body = cached_body(request, "pledge", pk, build=build_body, anonymous_only=True)
    return render(request, "dashboards/pledge_detail.html", {"head": pledge, **body})


def _other_language(pledge: Pledge) -> dict:
    """The pledge's title and description in the language not shown, where they differ
    from what the page shows (which falls back to the other language when one is empty)."""
    other = "ja" if (get_language() or "ja").startswith("en") else "en"
    title = getattr(pledge, f"title_{other}") or ""
    description = getattr(pledge, f"description_{other}") or ""
    return {
        "code": other,
        # Named in its own language: it is for readers of that language.
        "summary": "日本語で読む" if other == "ja" else "Read in English",
        "title": title if title != pledge.title else "",
        "description": description if description != pledge.description else "",
    }


@require_safe
@network_page
def organization_list(request):
    """Every active organization, most pledges first, a page at a time: kind, its pledges
    by stage, when it last reported. The roll-up is built once per change of the published
    data; one query when cached."""
    state = published_state()

    def build_body():
        organizations = cached(
            "organizations", lambda: rollups.organizations_rollup(current_period()), state=state
        )
        pages = paginate(request, organizations, ORGANIZATIONS_PER_PAGE)
        return {
            **pages,
            "organizations": pages["page_obj"].object_list,
            "organization_count": len(organizations),
            "stage_labels": rollups.stage_labels(),
        }

    context = cached_body(request, "organizations", build=build_body, state=state)
    return render(request, "dashboards/organization_list.html", context)


@require_safe
@network_page
def organization_detail(request, slug):
    """One organization: what it is, the pledges it leads or co-pledges and their stages."""
    # The head (title, feed link) needs the organization; the body is cached for visitors
    # who are not signed in (signed-in readers see their own follow button).
    organization = Organization.objects.active().filter(slug=slug).first()
    if organization is None:
        raise Http404

    def build_body():
        organization, pledges = selectors.organization_for_page(slug, current_period())
        pages = paginate(request, pledges, PLEDGES_PER_PAGE)
        return {
            "organization": organization,
            **pages,
            "pledges": pages["page_obj"].object_list,
            "stage_labels": rollups.stage_labels(),
        }

    body = cached_body(request, "organization", slug, build=build_body, anonymous_only=True)
    return render(request, "dashboards/organization_detail.html", {"head": organization, **body})


@require_safe
@never_cache
@login_required
def workspace(request):
    """``/my/``: the user's organizations, their pledges and what is due, open updates."""
    today = timezone.localdate()
    state = published_state()
    period = cached_current_period(state, today)
    sections = selectors.workspace_sections(request.user, period, state)
    context = {
        "sections": sections,
        "cached_fragments": cached_fragments(section.pledges_key for section in sections),
        "next_meeting": period.meeting,
        "days_left": period.days_to_deadline(today),
        "deadline_passed": period.deadline_passed(today),
    }
    if is_secretariat(request.user):  # where the secretariat lands after signing in
        context["overview"] = selectors.secretariat_overview(period)
    return render(request, "dashboards/workspace.html", context)


@require_safe
@never_cache
@login_required
def translations_needed(request):
    """``/review/translations/``: content in one language only, for the secretariat (403
    for everyone else), each with a link to fill in the other language."""
    if not is_secretariat(request.user):
        raise PermissionDenied
    return render(
        request,
        "dashboards/translations_needed.html",
        {"groups": translations.translations_needed()},
    )
