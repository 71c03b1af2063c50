"""The admin changes progress updates only through the rules the services keep."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from pledges import services
from tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


def _change_url(update):
    return reverse("admin:pledges_progressupdate_change", args=[update.pk])


def test_a_draft_is_read_only_for_the_secretariat(client, secretariat):
    draft = ProgressUpdateFactory(achievements="The organization's own words")
    client.force_login(secretariat)
    form = client.get(_change_url(draft)).context["adminform"].form
    for name in ("achievements_ja", "achievements_en", "stage", "progress", "pledge", "author"):
        assert name not in form.fields


def test_a_published_update_is_corrected_but_keeps_its_pledge_and_organization(client, secretariat):
    update = ProgressUpdateFactory(published=True)
    client.force_login(secretariat)
    form = client.get(_change_url(update)).context["adminform"].form
    # Both languages side by side, so a missing translation can be added.
    assert {"achievements_ja", "achievements_en"} <= set(form.fields)
    assert "pledge" not in form.fields and "organization" not in form.fields


def test_indicator_values_offer_only_the_updates_own_pledge(client, secretariat):
    update = ProgressUpdateFactory(published=True)
    own = IndicatorFactory(pledge=update.pledge)
    IndicatorFactory(pledge=PledgeFactory())
    client.force_login(secretariat)
    formset = client.get(_change_url(update)).context["inline_admin_formsets"][0].formset
    assert list(formset.form.base_fields["indicator"].queryset) == [own]


def test_reverting_history_is_disabled(client, secretariat):
    update = ProgressUpdateFactory(submitted=True, achievements="Submitted text")
    update = services.update_publish(update=update, reviewer=secretariat)
    first = update.history.earliest()
    client.force_login(secretariat)
    url = reverse("admin:pledges_progressupdate_simple_history", args=[update.pk, first.pk])
    assert client.get(url).status_code == 200  # old versions can be read
    assert client.post(url, {"achievements": "Old text"}).status_code == 403
    update.refresh_from_db()
    assert update.state == "published"


def test_an_indicator_with_reported_values_cannot_be_deleted():
    value = IndicatorValueFactory()
    with pytest.raises(ProtectedError):
        value.indicator.delete()
