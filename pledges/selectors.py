"""Reads of pledges that cross models. Each function states its query cost."""

from django.db.models import Prefetch

from .models import Objective, Pledge


def objectives_with_pledges():
    """The four GCR objectives, each with ``pledge_list``: its pledges and lead organizations.

    Two queries whatever the number of pledges. A pledge serving several objectives
    appears under each of them.
    """
    pledges = Pledge.objects.select_related("lead_organization").order_by(
        "lead_organization__slug", "id"
    )
    return Objective.objects.prefetch_related(
        Prefetch("pledges", queryset=pledges, to_attr="pledge_list")
    )
