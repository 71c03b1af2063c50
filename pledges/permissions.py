"""Who may do what with progress updates: one helper per scoped object, called first in
every view. Each returns the object (and what the caller needs to act on it) or raises:

- ``Http404`` when the user may not even know the object exists (another organization's
  draft or returned update),
- ``PermissionDenied`` (403) when they may see it but not do this (a viewer writing, a
  focal point opening the review queue).

Signing in is checked before these run (``login_required``). Drafts and returned updates
are seen only by the secretariat and the members of the reporting organization.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.access import is_secretariat
from organizations.models import Membership, Organization

from .models import Pledge, ProgressUpdate


def _role_in(user, organization_id) -> str | None:
    membership = Membership.objects.filter(user=user, organization_id=organization_id).first()
    return membership.role if membership else None


def can_see_update(user, update: ProgressUpdate) -> bool:
    """Published updates are the network's; the rest belong to the secretariat and the
    reporting organization."""
    if update.state == ProgressUpdate.State.PUBLISHED or is_secretariat(user):
        return True
    return _role_in(user, update.organization_id) is not None


def pledge_for_reporting(request, pk) -> tuple[Pledge, list[Organization]]:
    """The pledge and the organizations the user may report on it for: those they edit
    that lead or co-pledge it. 404 for no such pledge; 403 when there is none."""
    pledge = get_object_or_404(Pledge.objects.select_related("lead_organization"), pk=pk)
    organizations = list(
        Organization.objects.edited_by(request.user)
        .filter(pk__in=_involved_ids(pledge))
        .order_by("name")
    )
    if not organizations:
        raise PermissionDenied
    return pledge, organizations


def _involved_ids(pledge: Pledge) -> list[int]:
    return [pledge.lead_organization_id, *pledge.co_organizations.values_list("pk", flat=True)]


def update_for_editor(request, pk) -> ProgressUpdate:
    """An update the user may edit or submit: they are an editor of the reporting
    organization. 404 for outsiders who may not see it; 403 for viewers, the secretariat
    (unless also an editor) and outsiders looking at a published update. Whether its state
    still allows editing is the services' business."""
    update = get_object_or_404(
        ProgressUpdate.objects.select_related("pledge", "organization", "author", "reviewer"),
        pk=pk,
    )
    role = _role_in(request.user, update.organization_id)
    if role == Membership.Role.EDITOR:
        return update
    if role is None and not can_see_update(request.user, update):
        raise Http404
    raise PermissionDenied


def secretariat_only(request) -> None:
    """The review queue and its actions: 403 for everyone but the secretariat."""
    if not is_secretariat(request.user):
        raise PermissionDenied


def update_for_reviewer(request, pk) -> ProgressUpdate:
    """An update the secretariat publishes or returns; 404 for others who may not see
    it, 403 for the rest."""
    update = get_object_or_404(
        ProgressUpdate.objects.select_related("pledge", "organization"), pk=pk
    )
    if is_secretariat(request.user):
        return update
    if not can_see_update(request.user, update):
        raise Http404
    raise PermissionDenied
