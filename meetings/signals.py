"""The admin's changes to meetings (the meeting, its agenda, attendance, co-hosts) bump the
published data version, so meeting pages, reports and their PDFs are built again.
Connected in ``MeetingsConfig.ready``."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from pledges.published import published_data_changed

from .models import AgendaItem, AgendaItemPledge, Attendance, Meeting

MODELS = [Meeting, AgendaItem, AgendaItemPledge, Attendance]


def _changed(sender, **kwargs):
    if kwargs.get("action", "post_").startswith("post_"):
        published_data_changed()


def connect() -> None:
    for model in MODELS:
        post_save.connect(_changed, sender=model, dispatch_uid=f"published-save-{model}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"published-delete-{model}")
    m2m_changed.connect(
        _changed, sender=Meeting.co_hosts.through, dispatch_uid="published-m2m-co-hosts"
    )
