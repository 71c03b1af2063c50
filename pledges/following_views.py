"""Following pledges and organizations: the buttons' actions, the list of what one follows,
and the one-click unsubscribe link of the emails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from organizations.models import Organization

from . import following
from .models import Pledge


def _back(request, default: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(default)


def _toggle(request, *, target, **kind):
    if request.POST.get("action") == "unfollow":
        following.follow_remove(user=request.user, **kind)
        messages.success(request, _("You no longer follow “%(target)s”.") % {"target": target})
    else:
        following.follow_add(user=request.user, **kind)
        messages.success(
            request,
            _("You follow “%(target)s”: you will get an email when an update on it is published.")
            % {"target": target},
        )
    return _back(request, target.get_absolute_url())


@login_required
@require_POST
def follow_pledge(request, pk):
    pledge = get_object_or_404(Pledge, pk=pk)
    return _toggle(request, target=pledge, pledge=pledge)


@login_required
@require_POST
def follow_organization(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    return _toggle(request, target=organization, organization=organization)


@login_required
@require_safe
def following_list(request):
    """``/accounts/following/``: what the signed-in person follows, each with "Unfollow"."""
    return render(
        request, "pledges/following.html", {"follows": following.followed_by(request.user)}
    )


# Mail programs POST here without a CSRF token (RFC 8058); the signed token is the proof.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET asks (so a mail scanner opening the link changes nothing); POST stops the emails."""
    follow, genuine = following.follow_from_token(token)
    if not genuine:
        return render(request, "pledges/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST" and follow is not None:
        target = follow.target
        follow.delete()
        return render(request, "pledges/unsubscribe.html", {"done": True, "target": target})
    return render(request, "pledges/unsubscribe.html", {"follow": follow, "done": follow is None})
