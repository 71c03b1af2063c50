"""Emails about progress updates, each in its recipient's preferred language.

The services schedule these with ``transaction.on_commit``, so nothing is sent for a
change that is rolled back. Each recipient gets their own message (their language, and
no one sees who else was told). Links are absolute (``accounts.links``) because there is
no request to take the host from.
"""

import logging

from django.contrib.auth import get_user_model
from django.core.mail import get_connection

from accounts.links import site_reverse
from accounts.mail import email_for
from accounts.secretariat import secretariat_members
from organizations.models import Membership

from .models import ProgressUpdate

logger = logging.getLogger("grfnet.notifications")


def secretariat_recipients():
    """Active secretariat staff (the group's members, and superusers) with an email address."""
    return secretariat_members().exclude(email="")


def editor_recipients(organization):
    """Active editors (focal points) of ``organization`` with an email address."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__organization=organization,
            memberships__role=Membership.Role.EDITOR,
        )
        .exclude(email="")
        .distinct()
    )


def _send(update: ProgressUpdate, recipients, template: str, links: dict) -> int:
    update = ProgressUpdate.objects.select_related("pledge", "organization", "author").get(
        pk=update.pk
    )
    messages = [
        email_for(
            user,
            subject_template=f"pledges/email/{template}_subject.txt",
            body_template=f"pledges/email/{template}.txt",
            context={"update": update, **links},
        )
        for user in recipients
    ]
    if not messages:
        return 0
    # The change is committed by now: a mail failure is logged for the operators, and the
    # person who made the change still gets their page, not an error.
    try:
        get_connection().send_messages(messages)
    except Exception:
        logger.exception("Could not send %s email about update %s", template, update.pk)
        return 0
    logger.info("Sent %s email about update %s to %d people", template, update.pk, len(messages))
    return len(messages)


def notify_update_submitted(update: ProgressUpdate) -> int:
    """Tell the secretariat an update waits for review."""
    return _send(
        update,
        secretariat_recipients(),
        "update_submitted",
        {"review_url": site_reverse("pledges:review")},
    )


def notify_update_published(update: ProgressUpdate) -> int:
    """Tell the reporting organization's editors their update is published."""
    return _send(
        update,
        editor_recipients(update.organization),
        "update_published",
        {"pledge_url": site_reverse("dashboards:pledge_detail", pk=update.pledge_id)},
    )


def notify_update_returned(update: ProgressUpdate) -> int:
    """Tell the reporting organization's editors what the secretariat asks them to change."""
    return _send(
        update,
        editor_recipients(update.organization),
        "update_returned",
        {"edit_url": site_reverse("pledges:update_edit", pk=update.pk)},
    )
