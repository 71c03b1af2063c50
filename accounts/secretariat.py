"""The "Secretariat" group: MoFA and UNHCR Japan staff, with exactly the permissions they need.

The migrations create the group (accounts 0002, meetings 0003); this module states the same
table for code that must make sure the group is there, such as the demo accounts command
and tests that run after a database flush.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q, QuerySet

SECRETARIAT_GROUP = "Secretariat"

# app label -> model -> actions. Published updates are never deleted, and accounts are
# deactivated rather than deleted, so neither gets "delete".
SECRETARIAT_PERMISSIONS = {
    "accounts": {"user": ["add", "change", "view"]},
    "organizations": {
        "organization": ["add", "change", "delete", "view"],
        "membership": ["add", "change", "delete", "view"],
    },
    "pledges": {
        "objective": ["change", "view"],
        "focusarea": ["add", "change", "view"],
        "contributiontype": ["add", "change", "view"],
        "pledge": ["add", "change", "delete", "view"],
        "indicator": ["add", "change", "delete", "view"],
        "progressupdate": ["change", "view"],
        "indicatorvalue": ["add", "change", "view"],
        "historicalprogressupdate": ["view"],
        "attachment": ["view"],
    },
    "meetings": {
        "meeting": ["add", "change", "delete", "view"],
        "agendaitem": ["add", "change", "delete", "view"],
        "agendaitempledge": ["add", "change", "delete", "view"],
        "attendance": ["add", "change", "delete", "view"],
        "remindersent": ["view"],
    },
    "axes": {"accessattempt": ["view", "delete"], "accessfailurelog": ["view"]},
}


def secretariat_members() -> QuerySet:
    """Who is secretariat: active staff in the "Secretariat" group, and active superusers.
    Staff status alone (an IT administrator, say) is not enough. The one rule, used for
    access (``accounts.access.is_secretariat``) and for whom to notify."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__name=SECRETARIAT_GROUP) | Q(is_superuser=True))
        .distinct()
    )


def secretariat_permission_codes() -> set[tuple[str, str]]:
    return {
        (app_label, f"{action}_{model}")
        for app_label, models in SECRETARIAT_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    }


def secretariat_group_sync() -> Group:
    """Create the group if missing and give it exactly the permissions above. Three queries."""
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    wanted = Q(pk__in=[])
    for app_label, codename in secretariat_permission_codes():
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.set(Permission.objects.filter(wanted))
    return group
