"""Emails about updates: sent after the transaction commits, each in its reader's language."""

import pytest
from django.db import transaction

from pledges import services
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_submitting_emails_each_secretariat_member_in_their_language(
    mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.GRFNET_SITE_URL = "https://grfnet.example.org"
    ja = SecretariatUserFactory(email="ja@mofa.example", preferred_language="ja")
    en = SecretariatUserFactory(email="en@unhcr.example", preferred_language="en")
    SecretariatUserFactory(email="", preferred_language="en")  # no address: skipped
    SecretariatUserFactory(email="gone@example.org", is_active=False)
    UserFactory(email="member@example.org")  # not staff
    update = ProgressUpdateFactory(pledge__lead_organization__name_en="Welcome Japan")

    with django_capture_on_commit_callbacks(execute=True):
        services.update_submit(update=update)

    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {ja.email, en.email}
    assert by_address[en.email].subject == "Update to review from Welcome Japan"
    assert "確認" in by_address[ja.email].subject
    assert "https://grfnet.example.org/review/" in by_address[en.email].body


def test_nothing_is_sent_before_the_transaction_commits_or_if_it_rolls_back(mailoutbox):
    SecretariatUserFactory()
    update = ProgressUpdateFactory()

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        services.update_submit(update=update)
        assert mailoutbox == []
        raise Rollback
    assert mailoutbox == []


def test_publishing_emails_only_the_editors_of_the_reporting_organization(
    mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.GRFNET_SITE_URL = "https://grfnet.example.org"
    update = ProgressUpdateFactory(submitted=True)
    editor = MembershipFactory(organization=update.organization, role="editor").user
    MembershipFactory(organization=update.organization, role="viewer")
    MembershipFactory(role="editor")  # another organization

    with django_capture_on_commit_callbacks(execute=True):
        services.update_publish(update=update, reviewer=SecretariatUserFactory(email=""))

    (mail,) = mailoutbox
    assert mail.to == [editor.email]
    assert f"https://grfnet.example.org/pledges/{update.pledge_id}/" in mail.body


def test_returning_emails_the_comment_in_japanese_to_a_japanese_reader(
    mailoutbox, django_capture_on_commit_callbacks
):
    update = ProgressUpdateFactory(submitted=True)
    MembershipFactory(organization=update.organization, user__preferred_language="ja")

    with django_capture_on_commit_callbacks(execute=True):
        services.update_return(
            update=update, reviewer=SecretariatUserFactory(), comment="人数を追記してください。"
        )

    (mail,) = mailoutbox
    assert "人数を追記してください。" in mail.body
    assert "事務局" in mail.body


def test_plain_text_emails_are_not_html_escaped(mailoutbox, django_capture_on_commit_callbacks):
    SecretariatUserFactory(preferred_language="en")
    update = ProgressUpdateFactory(
        pledge__title_en="Refugees' inclusion in Japan's labour market",
        pledge__lead_organization__name_en="MoFA & UNHCR",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.update_submit(update=update)
    (mail,) = mailoutbox
    assert mail.subject == "Update to review from MoFA & UNHCR"
    assert "Refugees' inclusion in Japan's labour market" in mail.body
    assert "&#x27;" not in mail.body and "&amp;" not in mail.body


def test_staff_outside_the_secretariat_group_is_not_emailed(
    mailoutbox, django_capture_on_commit_callbacks
):
    member = SecretariatUserFactory(email="secretariat@mofa.example")
    UserFactory(email="it@mofa.example", is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_submit(update=ProgressUpdateFactory())
    assert [m.to[0] for m in mailoutbox] == [member.email]


def test_a_mail_failure_is_logged_and_the_change_stands(
    django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.pledges.test_notifications.FailingBackend"
    SecretariatUserFactory()
    update = ProgressUpdateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.update_submit(update=update)
    update.refresh_from_db()
    assert update.state == "submitted"
    assert "Could not send update_submitted email" in caplog.text


class FailingBackend:
    """An email backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


def test_an_organization_named_in_one_language_only_is_marked_in_the_other_languages_email(
    mailoutbox, django_capture_on_commit_callbacks
):
    organization = OrganizationFactory(name_en="", name_ja="難民支援の会")
    update = ProgressUpdateFactory(
        submitted=True, organization=organization, pledge__lead_organization=organization
    )
    MembershipFactory(organization=update.organization, user__preferred_language="en")
    MembershipFactory(organization=update.organization, user__preferred_language="ja")

    with django_capture_on_commit_callbacks(execute=True):
        services.update_publish(update=update, reviewer=SecretariatUserFactory(email=""))

    english, japanese = sorted(mailoutbox, key=lambda m: "事務局" in m.body)
    assert "progress update of 難民支援の会 (Written in Japanese)." in english.body
    assert "難民支援の会" in japanese.body and "Written in" not in japanese.body
