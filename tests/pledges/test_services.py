import pytest
from django.core.exceptions import ValidationError

from pledges import services
from pledges.models import ProgressUpdate
from tests.factories import (
    IndicatorFactory,
    MembershipFactory,
    PledgeFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
State = ProgressUpdate.State


def _content(**overrides):
    return {
        "stage": "in_progress",
        "progress": 40,
        "achievements": "Held two workshops.",
        **overrides,
    }


def test_create_makes_a_draft_with_indicator_values():
    pledge = PledgeFactory()
    indicator = IndicatorFactory(pledge=pledge)
    update = services.update_create(
        pledge=pledge,
        organization=pledge.lead_organization,
        author=UserFactory(),
        content=_content(),
        indicator_values={indicator: 12},
    )
    assert update.state == State.DRAFT
    assert update.indicator_values.get().value == 12
    pledge.refresh_from_db()
    assert pledge.current_stage == "none"


def test_create_refuses_progress_over_100_and_saves_nothing():
    pledge = PledgeFactory()
    with pytest.raises(ValidationError):
        services.update_create(
            pledge=pledge,
            organization=pledge.lead_organization,
            author=UserFactory(),
            content=_content(progress=120),
        )
    assert not ProgressUpdate.objects.exists()


def test_full_cycle_draft_submit_return_resubmit_publish_sets_the_pledge_state():
    pledge = PledgeFactory()
    indicator = IndicatorFactory(pledge=pledge, target=100)
    reviewer = SecretariatUserFactory()
    update = services.update_create(
        pledge=pledge,
        organization=pledge.lead_organization,
        author=UserFactory(),
        content=_content(stage="planning", progress=10),
        indicator_values={indicator: 5},
    )
    update = services.update_submit(update=update, version=update.version)
    assert update.state == State.SUBMITTED and update.submitted_at

    update = services.update_return(update=update, reviewer=reviewer, comment="Add numbers.")
    assert (update.state, update.review_comment) == (State.RETURNED, "Add numbers.")

    update = services.update_edit(
        update=update, version=update.version, content=_content(), indicator_values={indicator: 30}
    )
    update = services.update_submit(update=update)
    update = services.update_publish(update=update, reviewer=reviewer)

    assert update.state == State.PUBLISHED and update.published_at and update.reviewer == reviewer
    pledge.refresh_from_db()
    indicator.refresh_from_db()
    assert (pledge.current_stage, pledge.current_progress) == ("in_progress", 40)
    assert pledge.last_published_at == update.published_at
    assert indicator.actual == 30
    assert update.history.count() >= 5


def test_publishing_twice_publishes_once():
    update = ProgressUpdateFactory(submitted=True)
    reviewer = SecretariatUserFactory()
    stale_copy = ProgressUpdate.objects.get(pk=update.pk)
    first = services.update_publish(update=update, reviewer=reviewer)
    with pytest.raises(services.TransitionNotAllowed):
        services.update_publish(update=stale_copy, reviewer=SecretariatUserFactory())
    assert ProgressUpdate.objects.get(pk=update.pk).published_at == first.published_at


@pytest.mark.parametrize("state", ["draft", "returned", "published"])
def test_only_submitted_updates_can_be_published(state):
    update = ProgressUpdateFactory(state=state, published=state == "published")
    with pytest.raises(services.TransitionNotAllowed):
        services.update_publish(update=update, reviewer=SecretariatUserFactory())


@pytest.mark.parametrize("state", ["draft", "returned", "published"])
def test_only_submitted_updates_can_be_returned(state):
    update = ProgressUpdateFactory(state=state, published=state == "published")
    with pytest.raises(services.TransitionNotAllowed):
        services.update_return(update=update, reviewer=SecretariatUserFactory(), comment="No.")


def test_returning_needs_a_comment():
    update = ProgressUpdateFactory(submitted=True)
    with pytest.raises(services.TransitionNotAllowed):
        services.update_return(update=update, reviewer=SecretariatUserFactory(), comment="  ")
    update.refresh_from_db()
    assert update.state == State.SUBMITTED


@pytest.mark.parametrize("state", ["submitted", "published"])
def test_submitted_or_published_updates_cannot_be_edited_or_resubmitted(state):
    update = ProgressUpdateFactory(state=state, submitted=True, published=state == "published")
    with pytest.raises(services.TransitionNotAllowed):
        services.update_edit(update=update, version=update.version, content=_content())
    with pytest.raises(services.TransitionNotAllowed):
        services.update_submit(update=update)


def test_a_stale_edit_is_refused_and_the_newer_text_survives():
    update = ProgressUpdateFactory(achievements="Original")
    opened_version = update.version
    services.update_edit(update=update, version=opened_version, content={"achievements": "First"})
    with pytest.raises(services.StaleUpdate):
        services.update_edit(
            update=update, version=opened_version, content={"achievements": "Second"}
        )
    update.refresh_from_db()
    assert update.achievements == "First"


def test_the_latest_published_update_is_the_pledge_state_and_a_later_draft_does_not_count():
    pledge = PledgeFactory()
    reviewer = SecretariatUserFactory()
    for stage in ("planning", "fulfilled"):
        update = ProgressUpdateFactory(pledge=pledge, stage=stage, submitted=True)
        services.update_publish(update=update, reviewer=reviewer)
    ProgressUpdateFactory(pledge=pledge, stage="planning")
    pledge.refresh_from_db()
    assert pledge.current_stage == "fulfilled"


def test_the_secretariat_corrects_a_published_update_and_the_pledge_follows():
    update = ProgressUpdateFactory(submitted=True, stage="in_progress", progress=50)
    update = services.update_publish(update=update, reviewer=SecretariatUserFactory())
    services.update_correct(update=update, version=update.version, content={"progress": 60})
    update.pledge.refresh_from_db()
    assert update.pledge.current_progress == 60
    assert update.history.filter(progress=50).exists()


def test_a_returned_update_can_be_edited_and_resubmitted():
    update = ProgressUpdateFactory(state=State.RETURNED, review_comment="Add figures.")
    update = services.update_edit(
        update=update, version=update.version, content={"achievements": "With figures"}
    )
    assert update.state == State.RETURNED
    update = services.update_submit(update=update, version=update.version)
    assert update.state == State.SUBMITTED


def test_a_stale_submit_is_refused():
    update = ProgressUpdateFactory()
    services.update_edit(update=update, version=update.version, content={"progress": 60})
    with pytest.raises(services.StaleUpdate):
        services.update_submit(update=update, version=update.version)
    update.refresh_from_db()
    assert update.state == State.DRAFT


@pytest.mark.parametrize("state", ["draft", "submitted", "returned"])
def test_only_published_updates_are_corrected(state):
    update = ProgressUpdateFactory(state=state)
    with pytest.raises(services.TransitionNotAllowed):
        services.update_correct(update=update, version=None, content={"progress": 10})


def test_an_indicator_of_another_pledge_is_refused():
    update = ProgressUpdateFactory()
    with pytest.raises(ValueError):
        services.update_edit(
            update=update,
            version=update.version,
            content={},
            indicator_values={IndicatorFactory(): 3},
        )


def test_transitions_email_only_after_commit(mailoutbox, django_capture_on_commit_callbacks):
    from tests.factories import MembershipFactory

    SecretariatUserFactory()
    update = ProgressUpdateFactory()
    MembershipFactory(organization=update.organization)
    with django_capture_on_commit_callbacks() as callbacks:
        update = services.update_submit(update=update)
    assert mailoutbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        update = services.update_return(
            update=update, reviewer=SecretariatUserFactory(email=""), comment="Add figures."
        )
        update = services.update_submit(update=update)
        services.update_publish(update=update, reviewer=SecretariatUserFactory(email=""))
    assert len(mailoutbox) == 4  # returned, submitted again, published


@pytest.mark.parametrize("state", ["draft", "returned", "submitted"])
def test_an_organization_keeps_one_open_update_per_pledge(state):
    open_update = ProgressUpdateFactory(state=state)
    with pytest.raises(services.TransitionNotAllowed):
        services.update_create(
            pledge=open_update.pledge,
            organization=open_update.organization,
            author=UserFactory(),
            content=_content(),
        )
    assert ProgressUpdate.objects.count() == 1


def test_a_new_update_may_follow_a_published_one():
    published = ProgressUpdateFactory(published=True)
    update = services.update_create(
        pledge=published.pledge,
        organization=published.organization,
        author=UserFactory(),
        content=_content(),
    )
    assert update.state == State.DRAFT


def test_the_secretariat_does_not_write_or_submit_for_an_organization():
    """The rule holds in the services, whoever calls them (NotAnEditor is refused like
    any transition)."""
    secretariat = SecretariatUserFactory()
    pledge = PledgeFactory()
    with pytest.raises(services.NotAnEditor):
        services.update_create(
            pledge=pledge,
            organization=pledge.lead_organization,
            author=secretariat,
            content=_content(),
            by=secretariat,
        )
    draft = ProgressUpdateFactory(pledge=pledge)
    with pytest.raises(services.NotAnEditor):
        services.update_edit(update=draft, version=None, content=_content(), by=secretariat)
    with pytest.raises(services.NotAnEditor):
        services.update_submit(update=draft, by=secretariat)
    draft.refresh_from_db()
    assert (draft.state, draft.version) == ("draft", 1)
    # A viewer of the organization is refused too; an editor is not.
    viewer = MembershipFactory(organization=draft.organization, role="viewer").user
    with pytest.raises(services.NotAnEditor):
        services.update_submit(update=draft, by=viewer)
    editor = MembershipFactory(organization=draft.organization, role="editor").user
    assert services.update_submit(update=draft, by=editor).state == "submitted"
