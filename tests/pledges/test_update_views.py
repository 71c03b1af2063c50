"""Writing an update: /pledges/<id>/updates/new/ and /updates/<id>/edit/."""

import pytest
from django.urls import reverse

from pledges.models import ProgressUpdate
from tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    MembershipFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
)
from tests.pledges.update_helpers import State, payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(organization):
    return PledgeFactory(lead_organization=organization, title_en="Jobs for refugees")


@pytest.fixture
def indicator(pledge):
    return IndicatorFactory(pledge=pledge, name_en="Refugees hired", target=200)


def _new_url(pledge):
    return reverse("pledges:update_create", kwargs={"pk": pledge.pk})


def _edit_url(update):
    return reverse("pledges:update_edit", kwargs={"pk": update.pk})


def test_new_update_form_is_prefilled_from_the_last_published_update(
    client, editor, pledge, indicator
):
    published = ProgressUpdateFactory(
        pledge=pledge, published=True, achievements="Opened a training centre.", progress=35
    )
    IndicatorValueFactory(update=published, indicator=indicator, value=42)
    client.force_login(editor)

    response = client.get(_new_url(pledge))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Opened a training centre." in html
    assert 'value="35"' in html
    assert 'value="42"' in html
    assert "Refugees hired (people)" in html
    assert "Pre-filled from the last published update" in html


def test_editor_saves_a_draft_and_nobody_is_emailed(
    client, editor, pledge, indicator, mailoutbox, django_capture_on_commit_callbacks
):
    SecretariatUserFactory()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_new_url(pledge), payload(**{f"indicator_{indicator.pk}": "55"}))

    assert response.status_code == 302
    assert response.url == reverse("dashboards:workspace")
    update = ProgressUpdate.objects.get()
    assert (update.state, update.author, update.organization) == (
        State.DRAFT,
        editor,
        pledge.lead_organization,
    )
    assert update.indicator_values.get().value == 55
    assert mailoutbox == []
    assert "Your draft was saved" in client.get(reverse("dashboards:workspace")).content.decode()


def test_editor_submits_a_new_update_and_the_secretariat_is_emailed(
    client, editor, pledge, mailoutbox, django_capture_on_commit_callbacks
):
    secretariat = SecretariatUserFactory(email="review@example.org")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_new_url(pledge), {**payload(), "submit": ""})

    update = ProgressUpdate.objects.get()
    assert update.state == State.SUBMITTED and update.submitted_at
    assert [m.to for m in mailoutbox] == [[secretariat.email]]
    pledge.refresh_from_db()
    assert pledge.current_stage == "none"  # nothing is public before the secretariat publishes


BAD_INPUT = [
    ("progress", {"progress": "101"}, "Ensure this value is less than or equal to 100."),
    ("progress", {"progress": "-5"}, "Ensure this value is greater than or equal to 0."),
    ("progress", {"progress": "forty"}, "Enter a whole number."),
    ("stage", {"stage": None}, "This field is required."),
    ("stage", {"stage": "finished"}, "Select a valid choice."),
    ("links", {"links": "javascript:alert(1)"}, "starting with http:// or https://"),
    ("links", {"links": "https://ok.example.org\nftp://files.example.org"}, "http://"),
    ("achievements_en", {"achievements": "x" * 5001}, "at most 5000 characters"),
    ("refugee_participation_en", {"refugee_participation": "y" * 5001}, "at most 5000"),
    # The other language, behind the disclosure, is checked the same way.
    ("challenges_ja", {"challenges_ja": "z" * 5001}, "at most 5000"),
]


@pytest.mark.parametrize(("field", "overrides", "message"), BAD_INPUT)
def test_bad_input_is_refused_beside_its_field_and_what_was_typed_is_kept(
    client, editor, pledge, field, overrides, message
):
    client.force_login(editor)
    data = (
        payload(achievements="Typed text to keep", **overrides)
        if field != "achievements_en"
        else payload(**overrides)
    )

    response = client.post(_new_url(pledge), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert message in " ".join(errors[field])
    html = response.content.decode()
    assert "The update was not saved" in html
    assert f'id="error_1_id_{field}"' in html  # crispy puts the message under the field
    if field != "achievements_en":
        assert "Typed text to keep" in html
    assert not ProgressUpdate.objects.exists()


def test_an_indicator_value_that_is_not_a_number_is_refused_beside_it(
    client, editor, pledge, indicator
):
    client.force_login(editor)
    name = f"indicator_{indicator.pk}"

    response = client.post(_new_url(pledge), payload(**{name: "about thirty"}))

    assert response.context["form"].errors[name] == ["Enter a number."]
    html = response.content.decode()
    assert f'id="error_1_id_{name}"' in html
    assert 'value="about thirty"' in html
    assert not ProgressUpdate.objects.exists()


def test_fulfilled_with_progress_under_100_asks_for_confirmation(client, editor, pledge):
    client.force_login(editor)
    data = payload(stage="fulfilled", progress="90")

    response = client.post(_new_url(pledge), data)

    assert response.status_code == 200
    assert "confirm_fulfilled" in response.context["form"].errors
    assert "Tick this box to confirm" in response.content.decode()
    assert not ProgressUpdate.objects.exists()

    response = client.post(_new_url(pledge), {**data, "confirm_fulfilled": "on"})
    assert response.status_code == 302
    assert ProgressUpdate.objects.get().stage == "fulfilled"


def test_fulfilled_at_100_needs_no_confirmation(client, editor, pledge):
    client.force_login(editor)
    response = client.post(_new_url(pledge), payload(stage="fulfilled", progress="100"))
    assert response.status_code == 302


def test_an_open_draft_is_continued_rather_than_forked(client, editor, pledge):
    draft = ProgressUpdateFactory(pledge=pledge, author=editor)
    client.force_login(editor)
    response = client.get(_new_url(pledge))
    assert response.status_code == 302
    assert response.url == _edit_url(draft)


def test_co_pledging_editor_reports_for_their_own_organization(client, pledge):
    co_organization = OrganizationFactory()
    pledge.co_organizations.add(co_organization)
    co_editor = MembershipFactory(organization=co_organization).user
    client.force_login(co_editor)

    response = client.post(_new_url(pledge), payload())

    assert response.status_code == 302
    assert ProgressUpdate.objects.get().organization == co_organization


def test_editor_of_both_organizations_chooses_who_reports(client, editor, pledge):
    co_organization = OrganizationFactory(name_en="Partner NGO")
    pledge.co_organizations.add(co_organization)
    MembershipFactory(user=editor, organization=co_organization)
    client.force_login(editor)

    assert "Reporting for" in client.get(_new_url(pledge)).content.decode()
    response = client.post(_new_url(pledge), payload(organization=str(co_organization.pk)))

    assert response.status_code == 302
    assert ProgressUpdate.objects.get().organization == co_organization


def test_editor_edits_a_draft_and_submits_it(
    client, editor, pledge, mailoutbox, django_capture_on_commit_callbacks
):
    SecretariatUserFactory()
    draft = ProgressUpdateFactory(pledge=pledge, author=editor, achievements="Old text")
    client.force_login(editor)
    page = client.get(_edit_url(draft)).content.decode()
    assert "Old text" in page and f'name="version" value="{draft.version}"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _edit_url(draft),
            {**payload(achievements="New text"), "version": draft.version, "submit": ""},
        )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.achievements, draft.state) == ("New text", State.SUBMITTED)
    assert len(mailoutbox) == 1


def test_bad_input_on_edit_keeps_the_saved_draft(client, editor, pledge):
    draft = ProgressUpdateFactory(pledge=pledge, author=editor, progress=30)
    client.force_login(editor)

    response = client.post(_edit_url(draft), {**payload(progress="250"), "version": draft.version})

    assert response.status_code == 200
    assert 'value="250"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.progress == 30


def test_a_stale_edit_is_refused_with_a_message_and_keeps_both_texts(client, editor, pledge):
    """Two people opened the same draft; the first saved. The second is told, and what
    they typed is still in the form; the first person's text is not overwritten."""
    draft = ProgressUpdateFactory(pledge=pledge, author=editor)
    colleague = MembershipFactory(organization=pledge.lead_organization).user
    opened_version = draft.version
    client.force_login(colleague)
    client.post(_edit_url(draft), {**payload(achievements="First"), "version": opened_version})

    client.force_login(editor)
    response = client.post(
        _edit_url(draft), {**payload(achievements="Second"), "version": opened_version}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "changed by someone else after you opened it" in html
    assert "Second" in html
    draft.refresh_from_db()
    assert draft.achievements == "First"


def test_a_submitted_update_can_no_longer_be_edited(client, editor, pledge):
    update = ProgressUpdateFactory(pledge=pledge, submitted=True, achievements="Sent")
    client.force_login(editor)

    response = client.post(
        _edit_url(update), {**payload(achievements="Changed"), "version": update.version}
    )

    assert response.status_code == 302
    update.refresh_from_db()
    assert update.achievements == "Sent"
    page = client.get(response.url).content.decode()
    assert "can no longer be changed" in page


def test_returned_update_shows_the_comment_and_can_be_corrected_and_resubmitted(
    client, editor, pledge
):
    update = ProgressUpdateFactory(
        pledge=pledge, state=State.RETURNED, review_comment="Please add the number of hires."
    )
    client.force_login(editor)
    assert "Please add the number of hires." in client.get(_edit_url(update)).content.decode()

    client.post(
        _edit_url(update),
        {**payload(achievements="30 hires"), "version": update.version, "submit": ""},
    )

    update.refresh_from_db()
    assert (update.state, update.achievements) == (State.SUBMITTED, "30 hires")


def test_submit_from_the_workspace_uses_the_version_shown(client, editor, pledge):
    draft = ProgressUpdateFactory(pledge=pledge)
    client.force_login(editor)
    url = reverse("pledges:update_submit", kwargs={"pk": draft.pk})

    response = client.post(url, {"version": draft.version - 1 if draft.version > 1 else 99})
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
    assert "changed by someone else" in client.get(response.url).content.decode()

    response = client.post(url, {})
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
    page = client.get(response.url).content.decode()
    assert "Reload the page and submit the update again." in page

    client.post(url, {"version": draft.version})
    draft.refresh_from_db()
    assert draft.state == State.SUBMITTED


@pytest.mark.parametrize(
    ("typed", "stored"), [("1,200", 1200), ("１２００", 1200), (" 12.5 ", 12.5)]
)
def test_indicator_values_are_read_as_people_type_them(
    client, editor, pledge, indicator, typed, stored
):
    client.force_login(editor)
    client.post(_new_url(pledge), payload(**{f"indicator_{indicator.pk}": typed}))
    assert ProgressUpdate.objects.get().indicator_values.get().value == pytest.approx(stored)


def test_posting_a_second_update_while_one_is_open_keeps_what_was_typed(client, editor, pledge):
    ProgressUpdateFactory(pledge=pledge, organization=pledge.lead_organization)
    client.force_login(editor)
    response = client.post(_new_url(pledge), payload(achievements="Typed a second time"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "already has an update in progress on this pledge" in html
    assert "Typed a second time" in html
    assert ProgressUpdate.objects.count() == 1
