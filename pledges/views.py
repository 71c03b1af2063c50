"""Progress updates: writing one, submitting it, and the secretariat's review.

Each view authorises first (``pledges.permissions``), then validates a form, calls a
service, and redirects (the workspace and the pages that show updates are on the read
side, ``dashboards``).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import evidence, permissions, selectors, services
from .forms import ReviewForm, UpdateForm, initial_from
from .models import ProgressUpdate
from .published import cached_fragments, published_state

SUBMIT = "submit"  # the name of the "Submit for review" button; the other saves a draft


def _submitted_message():
    return _("Your update was submitted. The secretariat will review it before it is published.")


def _indicators(pledge):
    return list(pledge.indicators.order_by("order", "id"))


def _save_and_maybe_submit(request, update, version):
    """After saving: submit if the user pressed "Submit", say what happened, redirect."""
    if SUBMIT in request.POST:
        services.update_submit(update=update, version=version, by=request.user)
        messages.success(request, _submitted_message())
        return redirect("dashboards:workspace")
    # A draft stays on the form, to go on writing.
    saved_at = timezone.localtime(update.updated_at).strftime("%H:%M")
    messages.success(
        request,
        _("Draft saved at %(time)s. Submit it when it is ready.") % {"time": saved_at},
    )
    return redirect("pledges:update_edit", pk=update.pk)


def _open_update_redirect(request, pledge, organization):
    """An organization keeps one update open per pledge: "Write an update" continues it
    (or, while it waits for the review, says so) rather than forking it. None when the
    organization has no open update on the pledge."""
    open_update = services.open_update_of(pledge=pledge, organization=organization)
    if open_update is None:
        return None
    if open_update.state == ProgressUpdate.State.SUBMITTED:
        messages.info(
            request, _("Your organization's update on this pledge is waiting for the review.")
        )
        return redirect("dashboards:workspace")
    messages.info(
        request,
        _("Your organization already has an update in progress on this pledge: continue it here."),
    )
    return redirect("pledges:update_edit", pk=open_update.pk)


@require_http_methods(["GET", "POST"])
@never_cache
@login_required
def update_create(request, pk):
    """``/pledges/<pk>/updates/new/``: a new update, pre-filled from the last published one."""
    pledge, organizations = permissions.pledge_for_reporting(request, pk)
    form_options = {"indicators": _indicators(pledge), "organizations": organizations}
    if request.method == "POST":
        form = UpdateForm(
            request.POST,
            request.FILES,
            instance=ProgressUpdate(pledge=pledge, organization=organizations[0]),
            **form_options,
        )
        if form.is_valid():
            try:
                update = services.update_create(
                    pledge=pledge,
                    organization=form.cleaned_data.get("organization") or organizations[0],
                    author=request.user,
                    content=form.content(),
                    indicator_values=form.indicator_values(),
                    attachments=form.attachments(),
                    by=request.user,
                )
                return _save_and_maybe_submit(request, update, update.version)
            except (services.TransitionNotAllowed, evidence.TooManyFiles) as error:
                form.add_error(None, str(error))  # shown above the form, what was typed kept
    else:
        if len(organizations) == 1 and (
            response := _open_update_redirect(request, pledge, organizations[0])
        ):
            return response
        previous = selectors.latest_published_update(pledge, organizations[0])
        initial = {**initial_from(previous), "organization": organizations[0].pk}
        form = UpdateForm(initial=initial, **form_options)
    context = {"form": form, "pledge": pledge, "update": None, "organizations": organizations}
    if request.method != "POST":
        context["prefilled_from"] = previous
    return render(request, "pledges/update_form.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
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
        return redirect("dashboards:workspace")
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
                    by=request.user,
                )
                return _save_and_maybe_submit(request, saved, saved.version)
            except (services.StaleUpdate, evidence.TooManyFiles) as error:
                form.add_error(None, str(error))
            except services.TransitionNotAllowed as error:
                messages.error(request, str(error))
                return redirect("dashboards:workspace")
    else:
        form = UpdateForm(
            instance=update,
            initial={**initial_from(update), "version": update.version},
            indicators=indicators,
        )
    context = {"form": form, "pledge": pledge, "update": update}
    return render(request, "pledges/update_form.html", context)


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
        return redirect("dashboards:workspace")
    try:
        services.update_submit(update=update, version=version, by=request.user)
        messages.success(request, _submitted_message())
    except (services.StaleUpdate, services.TransitionNotAllowed) as error:
        messages.error(request, str(error))
    return redirect("dashboards:workspace")


@login_required
@require_POST
def update_withdraw(request, pk):
    """Take a submitted, not yet reviewed update back to the form, to fix it."""
    update = permissions.update_for_editor(request, pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, _("Reload the page and try again."))
        return redirect("dashboards:workspace")
    try:
        services.update_withdraw(update=update, version=version)
    except (services.StaleUpdate, services.TransitionNotAllowed) as error:
        messages.error(request, str(error))
        return redirect("dashboards:workspace")
    messages.success(
        request, _("Your update was withdrawn from the review. Correct it and submit it again.")
    )
    return redirect("pledges:update_edit", pk=update.pk)


REVIEW_PER_PAGE = 20


def _review_page(request, *, return_forms=None, status=200):
    """A page of the queue: the one the URL asks for, or the one holding a returned form.
    Only the cards not in the cache are built."""
    queue = selectors.review_queue_ids()
    return_forms = return_forms or {}
    number = request.GET.get("page")
    for index, pk in enumerate(queue):
        if pk in return_forms:
            number = index // REVIEW_PER_PAGE + 1
    page = Paginator(queue, REVIEW_PER_PAGE).get_page(number)
    state = published_state()
    cards = selectors.review_cards(list(page), state)
    forms = {
        card.pk: return_forms.get(card.pk) or ReviewForm(auto_id=f"id_return_{card.pk}_%s")
        for card in cards
    }
    form_keys = {pk: selectors.review_form_key(pk, form, state) for pk, form in forms.items()}
    fragments = cached_fragments([*(card.card_key for card in cards), *form_keys.values()])
    page.object_list = selectors.with_review_details(cards, fragments)
    for update in page:
        update.return_form, update.form_key = forms[update.pk], form_keys[update.pk]
    context = {
        "queue_length": len(queue),
        "page_obj": page,
        "page_numbers": list(page.paginator.get_elided_page_range(page.number)),
        "cached_fragments": fragments,
        "published_state": state,
    }
    return render(request, "pledges/review_queue.html", context, status=status)


@require_safe
@never_cache
@login_required
def review(request):
    """``/review/``: submitted updates, oldest first, with what they change."""
    permissions.secretariat_only(request)
    return _review_page(request)


@login_required
@require_POST
def update_publish(request, pk):
    update = permissions.update_for_reviewer(request, pk)
    form = ReviewForm(request.POST, auto_id=f"id_return_{update.pk}_%s", action=ReviewForm.PUBLISH)
    if not form.is_valid():
        # Not confirmed, or a comment typed: the page again, with what was typed.
        return _review_page(request, return_forms={update.pk: form}, status=400)
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
    form = ReviewForm(request.POST, auto_id=f"id_return_{update.pk}_%s")
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
