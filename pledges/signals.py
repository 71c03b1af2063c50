"""The admin's changes to what the read side shows bump the published data version.

The services bump it themselves when an update is published or corrected; these receivers
cover the models the admin saves directly (pledges and their indicators and categories,
organizations). Connected in ``PledgesConfig.ready``."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from organizations.models import Organization

from .models import ContributionType, FocusArea, Indicator, Objective, Pledge
from .published import published_data_changed

MODELS = [Pledge, Indicator, Objective, FocusArea, ContributionType, Organization]
RELATIONS = [
    Pledge.objectives.through,
    Pledge.focus_areas.through,
    Pledge.contribution_types.through,
    Pledge.co_organizations.through,
]


def _changed(sender, **kwargs):
    if kwargs.get("action", "post_").startswith("post_"):
        published_data_changed()


def connect() -> None:
    for model in MODELS:
        post_save.connect(_changed, sender=model, dispatch_uid=f"published-save-{model}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"published-delete-{model}")
    for through in RELATIONS:
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"published-m2m-{through}")
