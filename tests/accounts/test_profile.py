"""The profile page and the language of each person's emails."""

import pytest
from django.urls import reverse

from pledges import services
from tests.factories import MembershipFactory, ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/accounts/profile/"


def _payload(**overrides):
    data = {
        "first_name": "Hanako",
        "last_name": "Yamada",
        "email": "hanako@example.org",
        "email_language": "",
    }
    data.update(overrides)
    return data


def test_the_profile_is_at_accounts_profile():
    assert reverse("profile") == URL


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_profile_shows_what_the_person_saved(client):
    user = UserFactory(first_name="Taro", last_name="Sato", email="taro@example.org")
    client.force_login(user)
    page = client.get(URL).content.decode()
    assert 'value="Taro"' in page and 'value="taro@example.org"' in page
    assert "The language I last used this site in" in page


def test_profile_saves_name_email_and_a_chosen_language(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(URL, _payload(email_language="ja"))
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.email) == (
        "Hanako",
        "Yamada",
        "hanako@example.org",
    )
    assert (user.preferred_language, user.email_language_follows_interface) == ("ja", False)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"email": ""}, "email", "notifications go there"),
        ({"email_language": "fr"}, "email_language", "Select a valid choice."),
        ({"last_name": "x" * 151}, "last_name", "at most 150 characters"),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_nothing_is_saved(
    client, overrides, field, message
):
    user = UserFactory(first_name="Kept", email="kept@example.org")
    client.force_login(user)
    response = client.post(URL, _payload(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    user.refresh_from_db()
    assert (user.first_name, user.email) == ("Kept", "kept@example.org")


def test_an_email_address_of_another_account_is_refused(client):
    UserFactory(email="taken@example.org")
    client.force_login(UserFactory())
    response = client.post(URL, _payload(email="TAKEN@example.org"))
    assert "Another account uses this email address." in response.context["form"].errors["email"]


def _switch_to(client, language):
    client.post(reverse("set_language"), {"language": language, "next": "/"})


def test_the_email_language_follows_the_language_switch(client):
    user = UserFactory(preferred_language="ja")
    client.force_login(user)
    _switch_to(client, "en")
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_the_email_language_follows_the_language_a_form_is_sent_in(client):
    user = UserFactory(preferred_language="ja")
    client.force_login(user)
    client.post(URL, _payload(email="x"), HTTP_ACCEPT_LANGUAGE="en")  # refused, but in English
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_reading_pages_writes_nothing(client, django_assert_num_queries):
    user = UserFactory(preferred_language="ja")
    client.force_login(user)
    client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    user.refresh_from_db()
    assert user.preferred_language == "ja"


def test_a_chosen_email_language_stays_whatever_the_interface(client):
    user = UserFactory(preferred_language="ja", email_language_follows_interface=False)
    client.force_login(user)
    _switch_to(client, "en")
    user.refresh_from_db()
    assert user.preferred_language == "ja"


def _publish_with_editor(editor, django_capture_on_commit_callbacks):
    update = ProgressUpdateFactory(submitted=True)
    MembershipFactory(user=editor, organization=update.organization, role="editor")
    with django_capture_on_commit_callbacks(execute=True):
        services.update_publish(update=update, reviewer=None)


def test_an_editor_using_the_english_interface_gets_english_mail_greeting_them_by_name(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    editor = UserFactory(
        username="hy2024", first_name="Hanako", last_name="Yamada", preferred_language="ja"
    )
    client.force_login(editor)
    _switch_to(client, "en")  # uses the site in English

    _publish_with_editor(editor, django_capture_on_commit_callbacks)

    (mail,) = mailoutbox
    assert mail.subject.startswith("Your update is published")
    assert mail.body.startswith("Dear Hanako Yamada,")
    assert "hy2024" not in mail.body


def test_an_editor_who_chose_japanese_gets_japanese_mail(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    editor = UserFactory(first_name="花子", last_name="山田", preferred_language="en")
    client.force_login(editor)
    client.post(URL, _payload(first_name="花子", last_name="山田", email_language="ja"))
    _switch_to(client, "en")  # emails stay in Japanese

    _publish_with_editor(editor, django_capture_on_commit_callbacks)

    (mail,) = mailoutbox
    assert "公開" in mail.subject
    assert mail.body.startswith("山田 花子 様")
