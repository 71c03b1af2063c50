"""Following a pledge or an organization: the buttons, the email on publish in the
follower's language, one-click unsubscribe, and the list of what one follows."""

import re

import pytest
from django.urls import reverse

from pledges import following
from pledges.models import Follow
from pledges.services import update_create, update_publish, update_submit
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(organization):
    return PledgeFactory(
        lead_organization=organization,
        title_en="Jobs for refugees",
        title_ja="難民の雇用",
    )


def _publish(pledge, capture, organization=None):
    update = update_create(
        pledge=pledge,
        organization=organization or pledge.lead_organization,
        author=UserFactory(),
        content={"stage": "in_progress", "achievements": "Held two job fairs."},
    )
    update_submit(update=update)
    with capture(execute=True):
        update_publish(update=update, reviewer=SecretariatUserFactory())
    return update


def _followed_mail(mailoutbox):
    return [m for m in mailoutbox if "follow" in m.body or "フォロー" in m.body]


# Following and unfollowing from the pages ------------------------------------------------------


def test_a_signed_in_reader_follows_and_unfollows_a_pledge(client, plain_user, pledge):
    client.force_login(plain_user)
    url = reverse("following:pledge", kwargs={"pk": pledge.pk})
    response = client.post(url, {"action": "follow", "next": pledge.get_absolute_url()})
    assert response.status_code == 302
    assert response["Location"] == pledge.get_absolute_url()
    assert Follow.objects.filter(user=plain_user, pledge=pledge).count() == 1
    client.post(url, {"action": "follow"})  # twice is once
    assert Follow.objects.filter(user=plain_user, pledge=pledge).count() == 1
    client.post(url, {"action": "unfollow"})
    assert not Follow.objects.filter(user=plain_user).exists()


def test_a_reader_follows_an_organization(client, plain_user, organization):
    client.force_login(plain_user)
    client.post(reverse("following:organization", kwargs={"slug": organization.slug}))
    assert Follow.objects.get(user=plain_user).organization == organization


def test_anonymous_readers_are_asked_to_sign_in_to_follow(client, pledge):
    response = client.post(reverse("following:pledge", kwargs={"pk": pledge.pk}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not Follow.objects.exists()


def test_following_takes_no_get_and_no_unknown_pledge(client, plain_user, pledge):
    client.force_login(plain_user)
    assert client.get(reverse("following:pledge", kwargs={"pk": pledge.pk})).status_code == 405
    assert client.post(reverse("following:pledge", kwargs={"pk": 999999})).status_code == 404


def test_next_pointing_elsewhere_is_not_followed(client, plain_user, pledge):
    client.force_login(plain_user)
    response = client.post(
        reverse("following:pledge", kwargs={"pk": pledge.pk}), {"next": "https://evil.example/"}
    )
    assert response["Location"] == pledge.get_absolute_url()


def test_the_following_page_lists_what_one_follows(client, plain_user, pledge, organization):
    following.follow_add(user=plain_user, pledge=pledge)
    following.follow_add(
        user=plain_user, organization=OrganizationFactory(name_en="Demo Solidarity")
    )
    following.follow_add(user=UserFactory(), pledge=PledgeFactory(title_en="Someone else's"))
    client.force_login(plain_user)
    html = client.get(reverse("following:list")).content.decode()
    assert "Jobs for refugees" in html
    assert "Demo Solidarity" in html
    assert "Someone else&#x27;s" not in html and "Someone else's" not in html


def test_every_page_links_a_signed_in_reader_to_what_they_follow(
    client, public_dashboard, plain_user
):
    link = f'href="{reverse("following:list")}"'
    assert link not in client.get(reverse("dashboards:home")).content.decode()

    client.force_login(plain_user)

    assert link in client.get(reverse("dashboards:home")).content.decode()
    assert link in client.get(reverse("dashboards:pledge_list")).content.decode()


def test_the_following_page_needs_a_sign_in(client):
    response = client.get(reverse("following:list"))
    assert response.status_code == 302


def test_a_follower_cannot_follow_nothing_or_both(plain_user, pledge, organization):
    with pytest.raises(ValueError):
        following.follow_add(user=plain_user)
    with pytest.raises(ValueError):
        following.follow_add(user=plain_user, pledge=pledge, organization=organization)


# The email on publish ------------------------------------------------------------------------


def test_followers_are_emailed_once_in_their_language_when_an_update_is_published(
    pledge, organization, mailoutbox, django_capture_on_commit_callbacks
):
    japanese = UserFactory(preferred_language="ja", email="ja@example.org")
    english = UserFactory(preferred_language="en", email="en@example.org")
    following.follow_add(user=japanese, pledge=pledge)
    following.follow_add(user=english, pledge=pledge)
    following.follow_add(user=english, organization=organization)  # still one email
    following.follow_add(user=UserFactory(), pledge=PledgeFactory())  # another pledge

    _publish(pledge, django_capture_on_commit_callbacks)

    sent = {m.to[0]: m for m in _followed_mail(mailoutbox)}
    assert set(sent) == {"ja@example.org", "en@example.org"}
    assert sent["ja@example.org"].subject == "新しい進捗報告：難民の雇用"
    assert "フォロー" in sent["ja@example.org"].body
    assert sent["en@example.org"].subject == "New progress update: Jobs for refugees"
    assert f"/pledges/{pledge.pk}/" in sent["en@example.org"].body
    # One stop link per thing followed, and the RFC 8058 headers for mail programs.
    assert len(re.findall(r"/unsubscribe/\S+/", sent["en@example.org"].body)) == 2
    assert sent["en@example.org"].extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )


def test_organization_followers_hear_of_updates_on_pledges_it_co_pledges(
    organization, mailoutbox, django_capture_on_commit_callbacks
):
    partner = OrganizationFactory()
    joint = PledgeFactory(lead_organization=organization, co_organizations=[partner])
    follower = UserFactory(email="partner-fan@example.org")
    following.follow_add(user=follower, organization=partner)
    _publish(joint, django_capture_on_commit_callbacks)
    assert [m.to for m in _followed_mail(mailoutbox)] == [["partner-fan@example.org"]]


def test_nothing_is_sent_to_followers_before_publication(
    pledge, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    following.follow_add(user=plain_user, pledge=pledge)
    with django_capture_on_commit_callbacks(execute=True):
        update = update_create(
            pledge=pledge, organization=pledge.lead_organization, author=UserFactory(),
            content={"stage": "planning"},
        )  # fmt: skip
        update_submit(update=update)
    assert _followed_mail(mailoutbox) == []
    assert following.notify_followers(ProgressUpdateFactory(pledge=pledge)) == 0  # a draft


def test_the_reporting_editors_get_their_own_notice_not_a_follower_email(
    pledge, organization, mailoutbox, django_capture_on_commit_callbacks
):
    editor = MembershipFactory(organization=organization, role="editor").user
    following.follow_add(user=editor, pledge=pledge)
    _publish(pledge, django_capture_on_commit_callbacks)
    to_editor = [m for m in mailoutbox if m.to == [editor.email]]
    assert len(to_editor) == 1
    assert _followed_mail(to_editor) == []


# Unsubscribing ----------------------------------------------------------------------------


def _unsubscribe_url(follow):
    return reverse("following:unsubscribe", args=[following.unsubscribe_token(follow)])


def test_the_link_asks_first_then_one_click_stops_the_emails(client, plain_user, pledge):
    follow = following.follow_add(user=plain_user, pledge=pledge)
    url = _unsubscribe_url(follow)
    page = client.get(url)
    assert page.status_code == 200
    assert "Stop the emails about new updates on “Jobs for refugees”?" in page.content.decode()
    assert Follow.objects.filter(pk=follow.pk).exists()  # a mail scanner's GET changes nothing

    done = client.post(url)
    assert done.status_code == 200
    assert "You no longer follow “Jobs for refugees”" in done.content.decode()
    assert not Follow.objects.filter(pk=follow.pk).exists()
    assert client.post(url).status_code == 200  # twice is harmless


def test_a_mail_programs_one_click_post_needs_no_csrf_token(plain_user, pledge):
    from django.test import Client

    follow = following.follow_add(user=plain_user, pledge=pledge)
    client = Client(enforce_csrf_checks=True)
    response = client.post(_unsubscribe_url(follow), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follow.objects.exists()


def test_a_forged_or_altered_link_stops_nothing(client, plain_user, pledge):
    follow = following.follow_add(user=plain_user, pledge=pledge)
    token = following.unsubscribe_token(follow)
    for bad in ["nonsense", token[:-2] + "xx"]:
        response = client.post(reverse("following:unsubscribe", args=[bad]))
        assert response.status_code == 400
    assert Follow.objects.filter(pk=follow.pk).exists()


def test_a_token_names_its_own_follower_only(plain_user, pledge):
    mine = following.follow_add(user=plain_user, pledge=pledge)
    other = following.follow_add(user=UserFactory(), pledge=pledge)
    follow, genuine = following.follow_from_token(following.unsubscribe_token(mine))
    assert genuine and follow == mine and follow != other


# The button -------------------------------------------------------------------------------------


def test_the_pledge_page_offers_follow_to_signed_in_readers_only(
    client, public_dashboard, plain_user, pledge
):
    html = client.get(pledge.get_absolute_url()).content.decode()
    assert "Follow this pledge" not in html
    assert f'href="/accounts/login/?next=/pledges/{pledge.pk}/"' in html  # "Sign in to follow"
    client.force_login(plain_user)
    assert "Follow this pledge" in client.get(pledge.get_absolute_url()).content.decode()
    following.follow_add(user=plain_user, pledge=pledge)
    assert "Unfollow" in client.get(pledge.get_absolute_url()).content.decode()


def test_the_organization_page_offers_follow(client, public_dashboard, plain_user, organization):
    client.force_login(plain_user)
    html = client.get(organization.get_absolute_url()).content.decode()
    assert "Follow this organization" in html


def test_the_profile_page_lists_what_one_follows(client, plain_user, pledge):
    following.follow_add(user=plain_user, pledge=pledge)
    client.force_login(plain_user)
    html = client.get(reverse("profile")).content.decode()
    assert "What you follow" in html
    assert "Jobs for refugees" in html
    response = client.post(
        reverse("following:pledge", kwargs={"pk": pledge.pk}),
        {"action": "unfollow", "next": reverse("profile")},
    )
    assert response["Location"] == reverse("profile")
    assert not Follow.objects.exists()
