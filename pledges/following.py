"""Following a pledge or an organization: the writes, the unsubscribe token and the email
sent when an update is published.

An update is "on" a pledge, and on every organization that leads or co-pledges it: a
follower of either is emailed once per published update, in their own language, with a
one-click link to stop (a signed token: it needs no sign-in, names one follow, and cannot
be forged or pointed at someone else's). The reporting organization's editors are left out:
``notifications.notify_update_published`` already tells them.
"""

import logging

from django.core import signing
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q

from accounts.links import site_reverse, site_url
from accounts.mail import email_for
from organizations.models import Organization

from .models import Follow, Pledge, ProgressUpdate
from .notifications import editor_recipients

logger = logging.getLogger("grfnet.notifications")

UNSUBSCRIBE_SALT = "grfnet.following.unsubscribe"


def follow_add(*, user, pledge: Pledge | None = None, organization: Organization | None = None):
    """``user`` follows the pledge or the organization (exactly one); following twice is
    following once."""
    if (pledge is None) == (organization is None):
        raise ValueError("Follow a pledge or an organization, not both or neither.")
    target = {"pledge": pledge} if pledge is not None else {"organization": organization}
    try:
        with transaction.atomic():
            follow, _created = Follow.objects.get_or_create(user=user, **target)
    except IntegrityError:  # a double click: the other request made it
        follow = Follow.objects.get(user=user, **target)
    return follow


def follow_remove(*, user, pledge=None, organization=None) -> bool:
    """Stop following; True if there was something to stop."""
    target = {"pledge": pledge} if pledge is not None else {"organization": organization}
    deleted, _ = Follow.objects.filter(user=user, **target).delete()
    return bool(deleted)


def unsubscribe_token(follow: Follow) -> str:
    return signing.dumps({"f": follow.pk, "u": follow.user_id}, salt=UNSUBSCRIBE_SALT)


def follow_from_token(token: str) -> tuple[Follow | None, bool]:
    """The follow a token names (None once it is gone), and whether the token is genuine."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None, False
    follow = (
        Follow.objects.select_related("pledge", "organization", "user")
        .filter(pk=data.get("f"), user_id=data.get("u"))
        .first()
    )
    return follow, True


def follows_of_update(update: ProgressUpdate):
    """The follows an update concerns: of its pledge, and of the pledge's organizations."""
    pledge = update.pledge
    organization_ids = [
        pledge.lead_organization_id,
        *pledge.co_organizations.values_list("pk", flat=True),
    ]
    return (
        Follow.objects.filter(Q(pledge=pledge) | Q(organization_id__in=organization_ids))
        .filter(user__is_active=True)
        .exclude(user__email="")
        .exclude(user__in=editor_recipients(update.organization))
        .select_related("user", "pledge", "organization")
        .order_by("user_id", "pk")
    )


def notify_followers(update: ProgressUpdate) -> int:
    """Email each follower of the update's pledge or organizations once, in their language.
    Returns the number of emails sent; a mail failure is logged, not raised (the update is
    published by then)."""
    update = ProgressUpdate.objects.select_related("pledge", "organization").get(pk=update.pk)
    if update.state != ProgressUpdate.State.PUBLISHED:
        return 0
    by_user: dict[int, list[Follow]] = {}
    for follow in follows_of_update(update):
        by_user.setdefault(follow.user_id, []).append(follow)
    messages = []
    for follows in by_user.values():
        unsubscribe = [
            (follow.target, site_reverse("following:unsubscribe", token=unsubscribe_token(follow)))
            for follow in follows
        ]
        message = email_for(
            follows[0].user,
            subject_template="pledges/email/followed_update_subject.txt",
            body_template="pledges/email/followed_update.txt",
            context={
                "update": update,
                "pledge_url": site_url(update.get_absolute_url()),
                "unsubscribe": unsubscribe,
                "following_url": site_reverse("following:list"),
            },
        )
        # RFC 8058: mail programs offer their own one-click "Unsubscribe", which POSTs here.
        message.extra_headers = {
            "List-Unsubscribe": f"<{unsubscribe[0][1]}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        messages.append(message)
    if not messages:
        return 0
    try:
        get_connection().send_messages(messages)
    except Exception:
        logger.exception("Could not email the followers of update %s", update.pk)
        return 0
    logger.info("Told %d followers about update %s", len(messages), update.pk)
    return len(messages)


def followed_by(user):
    """What ``user`` follows, pledges first, for the following page."""
    if not user.is_authenticated:
        return Follow.objects.none()
    return (
        Follow.objects.filter(user=user)
        .select_related("pledge", "organization")
        .order_by("organization_id", "-created_at")
    )


def is_following(user, *, pledge=None, organization=None) -> bool:
    if not user.is_authenticated:
        return False
    target = {"pledge": pledge} if pledge is not None else {"organization": organization}
    return Follow.objects.filter(user=user, **target).exists()
