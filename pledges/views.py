from django.shortcuts import render
from django.views.generic import DetailView

from accounts.access import NetworkPageMixin, network_page

from . import selectors
from .models import Pledge


@network_page
def home(request):
    objectives = selectors.objectives_with_pledges()
    return render(
        request,
        "pledges/home.html",
        {"objectives": objectives, "pledge_count": Pledge.objects.count()},
    )


class PledgeDetailView(NetworkPageMixin, DetailView):
    template_name = "pledges/pledge_detail.html"
    context_object_name = "pledge"

    def get_queryset(self):
        return Pledge.objects.select_related("lead_organization").prefetch_related(
            "co_organizations", "objectives", "focus_areas", "contribution_types", "indicators"
        )


# --- Progress updates: the focal point's workspace, writing an update, the review queue ---
# Each view authorises first (pledges.permissions), then validates a form, calls a
# service, and redirects.

from django.contrib import messages  # noqa: E402
from django.contrib.auth.decorators import login_required  # noqa: E402
from django.shortcuts import redirect  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.translation import gettext as _  # noqa: E402
from django.views.decorators.http import require_POST  # noqa: E402

from meetings.periods import current_period, stale_before  # noqa: E402

from . import permissions, services, update_selectors  # noqa: E402
from .forms import ReturnForm, UpdateForm, initial_from  # noqa: E402
from .models import ProgressUpdate  # noqa: E402

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
            "deadline_passed": bool(meeting and meeting.update_deadline < today),
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
            instance=ProgressUpdate(pledge=pledge, organization=organizations[0]),
            indicators=indicators,
            organizations=organizations,
        )
        if form.is_valid():
            organization = form.cleaned_data.get("organization") or organizations[0]
            update = services.update_create(
                pledge=pledge,
                organization=organization,
                author=request.user,
                content=form.content(),
                indicator_values=form.indicator_values(),
            )
            return _save_and_maybe_submit(request, update, update.version)
    else:
        # An organization keeps one update open per pledge: continue it rather than fork it.
        open_update = (
            ProgressUpdate.objects.filter(
                pledge=pledge,
                organization__in=organizations,
                state__in=[ProgressUpdate.State.DRAFT, ProgressUpdate.State.RETURNED],
            )
            .order_by("-updated_at")
            .first()
        )
        if open_update is not None and len(organizations) == 1:
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
        form = UpdateForm(request.POST, instance=update, indicators=indicators)
        if form.is_valid():
            try:
                saved = services.update_edit(
                    update=update,
                    version=form.cleaned_data["version"],
                    content=form.content(),
                    indicator_values=form.indicator_values(),
                )
                return _save_and_maybe_submit(request, saved, saved.version)
            except services.StaleUpdate as error:
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
        version = None
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
