from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import network_page
from meetings.periods import current_period, stale_before

from . import evidence, permissions, selectors, services, update_selectors
from .filters import PledgeFilter
from .forms import ReturnForm, UpdateForm, initial_from
from .models import Pledge, ProgressUpdate

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


# --- Progress updates: the focal point's workspace, writing an update, the review queue ---
# Each view authorises first (pledges.permissions), then validates a form, calls a
# service, and redirects.


SUBMIT = "submit"  # the name of the "Submit for review" button; the other saves a draft


def _submitted_message():
    return _("Your update was submitted. The secretariat will review it before it is published.")


@login_required
def workspace(request):
    """``/my/``: the user's organizations, their pledges and what is due, open updates."""
    today = timezone.localdate()
    meeting = current_period(today).meeting
    sections = update_selectors.workspace_sections(request.user, due_before=stale_before(today))
    return render(
        request,
        "pledges/workspace.html",
        {
            "sections": sections,
            "next_meeting": meeting,
            "days_left": (meeting.update_deadline - today).days if meeting else None,
        },
    )


def _indicators(pledge):
    return list(pledge.indicators.order_by("order", "id"))


def _save_and_maybe_submit(request, update, version):
    """After saving: submit if the user pressed "Submit", say what happened, redirect."""
    if SUBMIT in request.POST:
        services.update_submit(update=update, version=version)
        messages.success(request, _submitted_message())
    else:
        messages.success(request, _("Your draft was saved. Submit it when it is ready."))
    return redirect("pledges:workspace")


@login_required
def update_create(request, pk):
    """``/pledges/<pk>/updates/new/``: a new update, pre-filled from the last published one."""
    pledge, organizations = permissions.pledge_for_reporting(request, pk)
    indicators = _indicators(pledge)
    if request.method == "POST":
        form = UpdateForm(
            request.POST,
            request.FILES,
            instance=ProgressUpdate(pledge=pledge, organization=organizations[0]),
            indicators=indicators,
            organizations=organizations,
        )
        if form.is_valid():
            organization = form.cleaned_data.get("organization") or organizations[0]
            try:
                update = services.update_create(
                    pledge=pledge,
                    organization=organization,
                    author=request.user,
                    content=form.content(),
                    indicator_values=form.indicator_values(),
                    attachments=form.attachments(),
                )
                return _save_and_maybe_submit(request, update, update.version)
            except (services.TransitionNotAllowed, evidence.TooManyFiles) as error:
                form.add_error(None, str(error))  # shown above the form, what was typed kept
    else:
        # An organization keeps one update open per pledge: continue it rather than fork it.
        open_update = (
            services.open_update_of(pledge=pledge, organization=organizations[0])
            if len(organizations) == 1
            else None
        )
        if open_update is not None and open_update.state == ProgressUpdate.State.SUBMITTED:
            messages.info(
                request,
                _("Your organization's update on this pledge is waiting for the review."),
            )
            return redirect("pledges:workspace")
        if open_update is not None:
            messages.info(
                request,
                _(
                    "Your organization already has an update in progress on this pledge: "
                    "continue it here."
                ),
            )
            return redirect("pledges:update_edit", pk=open_update.pk)
        previous = update_selectors.latest_published_update(pledge, organizations[0])
        form = UpdateForm(
            initial={**initial_from(previous), "organization": organizations[0].pk},
            indicators=indicators,
            organizations=organizations,
        )
    return render(
        request,
        "pledges/update_form.html",
        {"form": form, "pledge": pledge, "update": None, "organizations": organizations},
    )


@login_required
def update_edit(request, pk):
    """``/updates/<pk>/edit/``: continue a draft, or correct a returned update."""
    update = permissions.update_for_editor(request, pk)
    if update.state not in (ProgressUpdate.State.DRAFT, ProgressUpdate.State.RETURNED):
        messages.info(
            request,
            _("This update is %(state)s and can no longer be changed by your organization.")
            % {"state": update.get_state_display().lower()},
        )
        return redirect("pledges:workspace")
    pledge = update.pledge
    indicators = _indicators(pledge)
    if request.method == "POST":
        form = UpdateForm(request.POST, request.FILES, instance=update, indicators=indicators)
        if form.is_valid():
            try:
                saved = services.update_edit(
                    update=update,
                    version=form.cleaned_data["version"],
                    content=form.content(),
                    indicator_values=form.indicator_values(),
                    attachments=form.attachments(),
                    user=request.user,
                )
                return _save_and_maybe_submit(request, saved, saved.version)
            except (services.StaleUpdate, evidence.TooManyFiles) as error:
                form.add_error(None, str(error))
            except services.TransitionNotAllowed as error:
                messages.error(request, str(error))
                return redirect("pledges:workspace")
    else:
        form = UpdateForm(
            instance=update,
            initial={**initial_from(update), "version": update.version},
            indicators=indicators,
        )
    return render(
        request,
        "pledges/update_form.html",
        {"form": form, "pledge": pledge, "update": update},
    )


@login_required
@require_POST
def update_submit(request, pk):
    """Submit a saved draft from the workspace, as it was when the page was shown."""
    update = permissions.update_for_editor(request, pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        # Without the version it was shown at, a submit could send text nobody reviewed.
        messages.error(request, _("Reload the page and submit the update again."))
        return redirect("pledges:workspace")
    try:
        services.update_submit(update=update, version=version)
        messages.success(request, _submitted_message())
    except (services.StaleUpdate, services.TransitionNotAllowed) as error:
        messages.error(request, str(error))
    return redirect("pledges:workspace")


def _review_page(request, *, return_forms=None, status=200):
    queue = update_selectors.review_queue()
    return_forms = return_forms or {}
    for update in queue:
        update.return_form = return_forms.get(update.pk) or ReturnForm(
            auto_id=f"id_return_{update.pk}_%s"
        )
    return render(request, "pledges/review_queue.html", {"queue": queue}, status=status)


@login_required
def review(request):
    """``/review/``: submitted updates, oldest first, with what they change."""
    permissions.secretariat_only(request)
    return _review_page(request)


@login_required
@require_POST
def update_publish(request, pk):
    update = permissions.update_for_reviewer(request, pk)
    try:
        services.update_publish(update=update, reviewer=request.user)
        messages.success(
            request,
            _('Published: "%(pledge)s" now shows this update.') % {"pledge": update.pledge.title},
        )
    except services.TransitionNotAllowed as error:
        messages.warning(request, str(error))
    return redirect("pledges:review")


@login_required
@require_POST
def update_return(request, pk):
    update = permissions.update_for_reviewer(request, pk)
    form = ReturnForm(request.POST, auto_id=f"id_return_{update.pk}_%s")
    if not form.is_valid():
        # Shown again beside the update's comment box, with what was typed.
        return _review_page(request, return_forms={update.pk: form}, status=400)
    try:
        services.update_return(
            update=update, reviewer=request.user, comment=form.cleaned_data["comment"]
        )
        messages.success(
            request,
            _("Returned to %(organization)s with your comment.")
            % {"organization": update.organization.name},
        )
    except services.TransitionNotAllowed as error:
        messages.warning(request, str(error))
    return redirect("pledges:review")
