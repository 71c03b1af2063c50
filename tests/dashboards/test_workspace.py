"""The focal point's workspace at /my/."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pledges import services
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)
from tests.pledges.update_helpers import State

pytestmark = pytest.mark.django_db

URL = reverse("dashboards:workspace")


def test_workspace_shows_led_and_co_pledges_with_stage_and_what_is_due(
    client, editor, organization
):
    today = timezone.localdate()
    MeetingFactory(date=today - datetime.timedelta(days=60))
    meeting = MeetingFactory(
        date=today + datetime.timedelta(days=30),
        update_deadline=today + datetime.timedelta(days=16),
        title_en="Third network meeting",
    )
    lead = PledgeFactory(lead_organization=organization, title_en="Our own pledge")
    ProgressUpdateFactory(pledge=lead, published=True)
    lead.last_published_at = timezone.now()
    lead.current_stage = "in_progress"
    lead.save()
    partner = OrganizationFactory(name_en="Partner University")
    PledgeFactory(
        lead_organization=partner, co_organizations=[organization], title_en="A joint pledge"
    )
    PledgeFactory(title_en="Somebody else's pledge")
    client.force_login(editor)

    response = client.get(URL)

    html = response.content.decode()
    assert organization.name in html
    assert "Our own pledge" in html and "A joint pledge" in html
    assert "Somebody else&#x27;s pledge" not in html and "Somebody else's pledge" not in html
    assert "Co-pledger (lead: Partner University)" in html
    assert "Third network meeting" in html
    assert meeting.update_deadline.strftime("%Y") in html
    items = {i.pledge.title: i for i in response.context["sections"][0].pledges}
    assert items["Our own pledge"].is_due is False
    assert items["A joint pledge"].is_due is True
    assert "1 pledge due an update" in html
    assert html.count(">Write an update<") == 2


def test_workspace_shows_drafts_and_returned_updates_with_the_comment(client, editor, organization):
    pledge = PledgeFactory(lead_organization=organization)
    draft = ProgressUpdateFactory(pledge=pledge, author=editor)
    returned = ProgressUpdateFactory(
        pledge=PledgeFactory(lead_organization=organization),
        state=State.RETURNED,
        review_comment="Add the number of hires, please.",
    )
    client.force_login(editor)

    html = client.get(URL).content.decode()

    assert f'id="update-{draft.pk}"' in html and f'id="update-{returned.pk}"' in html
    assert "Add the number of hires, please." in html
    assert reverse("pledges:update_edit", kwargs={"pk": returned.pk}) in html
    assert ">Continue draft<" in html and ">Correct<" in html


def test_a_viewer_sees_the_workspace_without_write_buttons(client, viewer, organization):
    pledge = PledgeFactory(lead_organization=organization, title_en="Read-only pledge")
    ProgressUpdateFactory(pledge=pledge)
    client.force_login(viewer)

    html = client.get(URL).content.decode()

    assert "Read-only pledge" in html
    assert "Viewer (read only)" in html
    assert "Write an update" not in html and "Submit for review" not in html


def test_someone_without_an_organization_is_told_what_to_do(client, plain_user):
    client.force_login(plain_user)
    assert "not a member of any organization" in client.get(URL).content.decode()


def test_the_navigation_links_to_the_workspace_and_the_review_queue(client, editor, secretariat):
    client.force_login(editor)
    html = client.get(URL).content.decode()
    assert 'href="/my/"' in html and 'href="/review/"' not in html
    client.force_login(secretariat)
    assert 'href="/review/"' in client.get(URL).content.decode()


@pytest.mark.parametrize("size", [1, 6])
def test_workspace_runs_a_fixed_number_of_queries(
    client, editor, organization, django_assert_max_num_queries, size
):
    MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=20))
    for _ in range(size):
        other = OrganizationFactory()
        MembershipFactory(user=editor, organization=other, role="viewer")
        for org in (organization, other):
            pledge = PledgeFactory(lead_organization=org)
            ProgressUpdateFactory(pledge=pledge, author=editor)
            ProgressUpdateFactory(pledge=pledge, state=State.RETURNED, review_comment="x")
            PledgeFactory(co_organizations=[org])
    client.force_login(editor)

    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert len(response.context["sections"]) == size + 1


def test_a_passed_deadline_is_said_plainly(client, editor):
    today = timezone.localdate()
    MeetingFactory(
        date=today + datetime.timedelta(days=3), update_deadline=today - datetime.timedelta(days=2)
    )
    client.force_login(editor)
    assert "The deadline has passed" in client.get(URL).content.decode()


@pytest.mark.parametrize(("days", "text"), [(0, "today"), (1, "in 1 day"), (16, "in 16 days")])
def test_the_time_left_to_the_deadline_is_counted_in_days(client, editor, days, text):
    today = timezone.localdate()
    MeetingFactory(
        date=today + datetime.timedelta(days=20),
        update_deadline=today + datetime.timedelta(days=days),
    )
    client.force_login(editor)
    html = client.get(URL).content.decode()
    assert text in html
    assert "minutes" not in html


def test_a_cached_workspace_shows_a_publication_and_a_renamed_pledge_at_once(
    client, editor, organization, secretariat
):
    """The pledges' status and names are cached with the published data: publishing an
    update or editing a pledge shows on the next request."""
    MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=20))
    pledge = PledgeFactory(lead_organization=organization, title_en="Before the change")
    update = ProgressUpdateFactory(pledge=pledge, author=editor, submitted=True, stage="fulfilled")
    client.force_login(editor)
    before = client.get(URL)
    assert before.context["sections"][0].pledges[0].status == "submitted"
    assert "Awaiting review" in before.content.decode()

    services.update_publish(update=update, reviewer=secretariat)
    pledge.refresh_from_db()
    pledge.title_en = "After the change"
    pledge.save()

    html = client.get(URL).content.decode()
    assert "After the change" in html and "Before the change" not in html
    assert "Awaiting review" not in html and "Up to date" in html
    assert 'stage-badge stage-fulfilled"' in html


def test_members_share_a_cached_row_but_not_its_action(client, editor, organization):
    PledgeFactory(lead_organization=organization, title_en="A shared pledge")
    viewer = MembershipFactory(organization=organization, role="viewer").user
    client.force_login(editor)
    assert ">Write an update<" in client.get(URL).content.decode()

    client.force_login(viewer)
    html = client.get(URL).content.decode()

    assert "A shared pledge" in html and "Update due" in html
    assert ">Write an update<" not in html


def test_a_cached_workspace_follows_the_meetings_at_once(client, editor, organization):
    """The period under way is cached with the published data: a meeting scheduled,
    moved or unpublished in the admin changes the next meeting, the deadline and what is
    due on the next request."""
    today = timezone.localdate()
    pledge = PledgeFactory(lead_organization=organization)
    ProgressUpdateFactory(
        pledge=pledge, published=True, published_at=timezone.now() - datetime.timedelta(days=20)
    )
    client.force_login(editor)
    assert "No meeting is scheduled yet." in client.get(URL).content.decode()

    meeting = MeetingFactory(
        date=today + datetime.timedelta(days=30),
        update_deadline=today + datetime.timedelta(days=16),
        title_en="The next network meeting",
    )
    html = client.get(URL).content.decode()
    assert "The next network meeting" in html and "in 16 days" in html
    assert "due an update" not in html

    meeting.update_deadline = today + datetime.timedelta(days=3)
    meeting.save()
    assert "in 3 days" in client.get(URL).content.decode()

    # A meeting 10 days ago closes the period before the update: it is due again.
    MeetingFactory(date=today - datetime.timedelta(days=10))
    html = client.get(URL).content.decode()
    assert "1 pledge due an update" in html

    meeting.is_published = False
    meeting.save()
    assert "No meeting is scheduled yet." in client.get(URL).content.decode()


def test_a_submitted_update_is_withdrawn_from_its_card_and_the_list_follows(
    client, editor, organization, viewer
):
    """The pledge list is cached per organization and role; an update submitted, withdrawn
    or started changes its row on the next request. The withdraw form (it carries the
    reader's CSRF token) is on the update's card, which is never cached."""
    pledge = PledgeFactory(lead_organization=organization, title_en="A pledge in review")
    update = ProgressUpdateFactory(pledge=pledge, organization=organization, submitted=True)
    withdraw_url = reverse("pledges:update_withdraw", args=[update.pk])
    client.force_login(editor)
    html = client.get(URL).content.decode()
    assert "Awaiting review" in html and f'action="{withdraw_url}"' in html
    assert html.count("Withdraw to edit") == 1

    client.force_login(viewer)
    html = client.get(URL).content.decode()
    assert "Awaiting review" in html and withdraw_url not in html

    client.force_login(editor)
    client.post(withdraw_url, {"version": update.version})
    html = client.get(URL).content.decode()
    assert "Awaiting review" not in html and ">Continue draft<" in html
    assert withdraw_url not in html
