"""``{% follow_button pledge %}``, ``{% follow_button organization %}`` and
``{% following_list %}`` (what the signed-in person follows, for a profile page)."""

from django import template

from organizations.models import Organization
from pledges import following

register = template.Library()


@register.inclusion_tag("pledges/_follow_button.html", takes_context=True)
def follow_button(context, target):
    """A "Follow" / "Unfollow" button for a signed-in reader; one query."""
    request = context["request"]
    user = request.user
    is_organization = isinstance(target, Organization)
    kind = {"organization": target} if is_organization else {"pledge": target}
    return {
        "user": user,
        "target": target,
        "is_organization": is_organization,
        "following": following.is_following(user, **kind),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("pledges/_following_list.html", takes_context=True)
def following_list(context):
    request = context["request"]
    return {
        "follows": following.followed_by(request.user),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
