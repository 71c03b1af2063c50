"""The secretariat's review queue at /review/ and its publish and return actions."""

import datetime
import re

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import timezone, translation

from pledges import services
from pledges.forms import ReviewForm
from pledges.models import ProgressUpdate
from tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    MembershipFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)
from tests.pledges.update_helpers import State

pytestmark = pytest.mark.django_db


def _publish(update):
    return reverse("pledges:update_publish", kwargs={"pk": update.pk})


def _return(update):
    return reverse("pledges:update_return", kwargs={"pk": update.pk})


def test_queue_lists_submitted_updates_oldest_first_and_nothing_else(client, secretariat):
    now = timezone.now()
    newer = ProgressUpdateFactory(submitted=True, pledge__title_en="Newer pledge")
    older = ProgressUpdateFactory(submitted=True, pledge__title_en="Older pledge")
    ProgressUpdate.objects.filter(pk=newer.pk).update(submitted_at=now)
    ProgressUpdate.objects.filter(pk=older.pk).update(submitted_at=now - datetime.timedelta(days=3))
    ProgressUpdateFactory(pledge__title_en="A draft pledge")
    ProgressUpdateFactory(published=True, pledge__title_en="A published pledge")
    client.force_login(secretariat)

    response = client.get(reverse("pledges:review"))

    assert [u.pk for u in response.context["page_obj"]] == [older.pk, newer.pk]
    html = response.content.decode()
    assert html.index("Older pledge") < html.index("Newer pledge")
    assert "A draft pledge" not in html and "A published pledge" not in html
    assert "2 updates waiting" in html


def test_queue_shows_what_changed_since_the_last_published_update(client, secretariat):
    pledge = PledgeFactory()
    indicator = IndicatorFactory(pledge=pledge, name_en="People trained")
    previous = ProgressUpdateFactory(
        pledge=pledge,
        published=True,
        stage="planning",
        progress=20,
        achievements="Planned the course.",
        challenges="Same challenge",
    )
    IndicatorValueFactory(update=previous, indicator=indicator, value=10)
    update = ProgressUpdateFactory(
        pledge=pledge,
        submitted=True,
        stage="in_progress",
        progress=60,
        achievements="Ran the course twice.",
        challenges="Same challenge",
    )
    IndicatorValueFactory(update=update, indicator=indicator, value=25)
    client.force_login(secretariat)

    response = client.get(reverse("pledges:review"))

    changes = {c.label: (c.before, c.after) for c in response.context["page_obj"][0].changes}
    assert changes["Stage"] == ("Planning stage", "In progress")
    assert changes["Progress (%)"] == ("20 %", "60 %")
    assert changes["What was done (English)"] == ("Planned the course.", "Ran the course twice.")
    assert changes["People trained (people)"] == ("10 people", "25 people")  # with units
    assert "Challenges" not in changes
    assert "What changed since the last published update" in response.content.decode()


def test_a_change_written_in_one_language_carries_it_on_a_page_in_the_other(client, secretariat):
    pledge = PledgeFactory()
    ProgressUpdateFactory(pledge=pledge, published=True, progress=20, achievements_en="Planned.")
    ProgressUpdateFactory(
        pledge=pledge, submitted=True, progress=60, achievements_en="Ran the course twice."
    )
    client.force_login(secretariat)

    html = client.get(reverse("pledges:review"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()

    assert '<html lang="ja"' in html
    assert re.search(r'<span\s+lang="en">Planned\.</span>', html)
    assert re.search(r'<span\s+lang="en">Ran the course twice\.</span>', html)
    assert re.search(r"<span\s+>60 %</span>", html)  # a figure: no language of its own


def test_a_first_report_shows_everything_as_new(client, secretariat):
    ProgressUpdateFactory(submitted=True, achievements="Started.")
    client.force_login(secretariat)
    html = client.get(reverse("pledges:review")).content.decode()
    assert "First report on this pledge" in html
    assert "Started." in html


def test_publishing_makes_the_update_the_pledge_state_and_tells_the_editors(
    client, secretariat, organization, mailoutbox, django_capture_on_commit_callbacks
):
    editor = MembershipFactory(organization=organization, user__preferred_language="ja").user
    MembershipFactory(organization=organization, role="viewer")
    pledge = PledgeFactory(lead_organization=organization)
    update = ProgressUpdateFactory(pledge=pledge, submitted=True, stage="fulfilled", progress=100)
    client.force_login(secretariat)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_publish(update), {"confirm_publish": "on"})

    assert response.status_code == 302 and response.url == reverse("pledges:review")
    update.refresh_from_db()
    pledge.refresh_from_db()
    assert (update.state, update.reviewer) == (State.PUBLISHED, secretariat)
    assert (pledge.current_stage, pledge.current_progress) == ("fulfilled", 100)
    assert [m.to for m in mailoutbox] == [[editor.email]]
    assert "公開" in mailoutbox[0].subject
    assert "Published" in client.get(response.url).content.decode()


def test_publishing_twice_publishes_once_and_says_so(
    client, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    update = ProgressUpdateFactory(submitted=True)
    MembershipFactory(organization=update.organization)
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_publish(update), {"confirm_publish": "on"})
    first = ProgressUpdate.objects.get(pk=update.pk).published_at

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_publish(update), {"confirm_publish": "on"})

    assert ProgressUpdate.objects.get(pk=update.pk).published_at == first
    assert len(mailoutbox) == 1
    assert "Only a submitted update can be published" in client.get(response.url).content.decode()


def test_returning_without_a_comment_is_refused_beside_the_comment_box(client, secretariat):
    update = ProgressUpdateFactory(submitted=True)
    client.force_login(secretariat)

    response = client.post(_return(update), {"comment": "   "})

    assert response.status_code == 400
    html = response.content.decode()
    assert "a comment is required" in html
    assert f'id="error_1_id_return_{update.pk}_comment"' in html
    update.refresh_from_db()
    assert update.state == State.SUBMITTED


def test_an_overlong_comment_is_refused_and_kept(client, secretariat):
    update = ProgressUpdateFactory(submitted=True)
    client.force_login(secretariat)
    response = client.post(_return(update), {"comment": "Too long. " + "z" * 2000})
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 2000 characters" in html
    assert "Too long. zzz" in html


def test_returning_with_a_comment_sends_it_to_the_editors(
    client, secretariat, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.GRFNET_SITE_URL = "https://grfnet.example.org"
    update = ProgressUpdateFactory(submitted=True)
    editor = MembershipFactory(organization=update.organization, user__preferred_language="en").user
    client.force_login(secretariat)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_return(update), {"comment": "Please add the number of hires."})

    update.refresh_from_db()
    assert (update.state, update.review_comment) == (
        State.RETURNED,
        "Please add the number of hires.",
    )
    (mail,) = mailoutbox
    assert mail.to == [editor.email]
    assert "Please add the number of hires." in mail.body
    assert f"https://grfnet.example.org/updates/{update.pk}/edit/" in mail.body


@pytest.mark.parametrize("size", [2, 8])
def test_review_queue_runs_a_fixed_number_of_queries(
    client, secretariat, django_assert_max_num_queries, size
):
    for _ in range(size):
        pledge = PledgeFactory()
        indicator = IndicatorFactory(pledge=pledge)
        previous = ProgressUpdateFactory(pledge=pledge, published=True)
        IndicatorValueFactory(update=previous, indicator=indicator)
        update = ProgressUpdateFactory(pledge=pledge, submitted=True)
        IndicatorValueFactory(update=update, indicator=indicator, value=20)
    client.force_login(secretariat)

    # The queue's order, its page's cards, what the cards show (the updates, their
    # evidence files and indicator values, the updates they are compared with and theirs),
    # the translations-needed counts and the data version they are cached under, the
    # session and the user: the same at every size.
    with django_assert_max_num_queries(16):
        response = client.get(reverse("pledges:review"))
    assert len(response.context["page_obj"]) == size
    # Again, with the cards and counts cached: only what tells whether they still hold.
    with django_assert_max_num_queries(6):
        again = client.get(reverse("pledges:review"))
    assert again.content.count(b'class="card review-card') == size


def test_update_pages_carry_no_inline_styles_or_scripts(client, secretariat, organization):
    """The Content-Security-Policy forbids them, so they would silently not work."""
    editor = MembershipFactory(organization=organization).user
    pledge = PledgeFactory(lead_organization=organization)
    IndicatorFactory(pledge=pledge)
    ProgressUpdateFactory(pledge=pledge, submitted=True)
    client.force_login(editor)
    pages = [
        client.get(reverse("dashboards:workspace")),
        client.post(reverse("pledges:update_create", kwargs={"pk": pledge.pk}), {"progress": "x"}),
    ]
    client.force_login(secretariat)
    pages.append(client.get(reverse("pledges:review")))
    for response in pages:
        html = response.content.decode()
        assert "style=" not in html
        assert re.search(r"<script(?![^>]*\bsrc=)", html) is None
        assert re.search(r"\son[a-z]+=", html) is None


@pytest.mark.parametrize("language", ["en", "ja"])
def test_each_card_has_its_own_empty_form_and_a_refused_one_is_never_kept(
    client, secretariat, language
):
    """The cards' empty forms are cached per update and language: each is crispy-forms'
    rendering with the card's own ids, and a form sent back with its errors and what was
    typed is not what the next reader gets."""
    first, second = ProgressUpdateFactory.create_batch(2, submitted=True)
    client.force_login(secretariat)

    def page():
        return client.get(reverse("pledges:review"), HTTP_ACCEPT_LANGUAGE=language)

    crispy = engines["django"].from_string(
        "{% load crispy_forms_tags %}{{ form.comment|as_crispy_field }}"
        "\x1f{{ form.confirm_publish|as_crispy_field }}"
    )

    def squeeze(text):
        return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", text)).strip()

    for _request in range(2):  # built, then from the cache
        html = squeeze(page().content.decode())
        for update in (first, second):
            with translation.override(language):
                form = ReviewForm(auto_id=f"id_return_{update.pk}_%s")
                for field in crispy.render({"form": form}).split("\x1f"):
                    assert squeeze(field) in html

    refused = client.post(
        _return(first), {"comment": "Too long. " + "z" * 2000}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert refused.status_code == 400
    assert "Too long. zzz" in refused.content.decode()
    after = page().content.decode()
    assert "Too long. zzz" not in after
    assert f'id="error_1_id_return_{first.pk}_comment"' not in after


def test_a_cached_review_card_shows_every_change_on_the_next_request(client, secretariat):
    """The cards' content is cached; each edit that changes what a card shows changes its
    key: a withdrawn, corrected and resubmitted update, a renamed author, a correction of
    the published update it is compared with, a renamed pledge."""
    pledge = PledgeFactory(title_en="Old pledge title")
    previous = ProgressUpdateFactory(pledge=pledge, published=True, achievements="Old before.")
    update = ProgressUpdateFactory(pledge=pledge, submitted=True, achievements="First text.")
    editor = MembershipFactory(organization=update.organization).user
    client.force_login(secretariat)

    def shows(new, old):
        html = client.get(reverse("pledges:review")).content.decode()
        return new in html and old not in html

    assert shows("First text.", "Second text.")
    services.update_withdraw(update=update, version=update.version)
    update.refresh_from_db()
    services.update_edit(
        update=update, version=update.version, content={"achievements": "Second text."}, by=editor
    )
    update.refresh_from_db()
    services.update_submit(update=update, version=update.version)
    assert shows("Second text.", "First text.")

    update.author.first_name, update.author.last_name = "Renamed", "Author"
    update.author.save()
    assert shows("Renamed Author", update.author.username)

    services.update_correct(
        update=previous, version=previous.version, content={"achievements": "New before."}
    )
    assert shows("New before.", "Old before.")

    pledge.refresh_from_db()
    pledge.title_en = "New pledge title"
    pledge.save()
    assert shows("New pledge title", "Old pledge title")
