"""Updates in Japanese and English: the form, the fallback, and translations added later."""

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from pledges import services
from pledges.models import ProgressUpdate
from tests.factories import PledgeFactory, ProgressUpdateFactory

from .update_helpers import payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(organization):
    return PledgeFactory(lead_organization=organization)


def _render(update, language):
    with translation.override(language):
        return Template('{% load bilingual %}{% text update "achievements" block=True %}').render(
            Context({"update": update})
        )


def test_a_japanese_update_on_an_english_page_is_marked_and_noted():
    update = ProgressUpdateFactory(achievements_ja="日本語教室を開いた。", achievements_en="")
    html = _render(update, "en")
    assert '<div lang="ja"><p>日本語教室を開いた。</p></div>' in html
    assert "Written in Japanese" in html


def test_the_english_translation_replaces_it_once_added(django_user_model):
    update = ProgressUpdateFactory(
        submitted=True, achievements_ja="日本語教室を開いた。", achievements_en=""
    )
    update = services.update_publish(update=update, reviewer=None)

    services.update_add_translation(
        update=update,
        version=update.version,
        language="en",
        texts={"achievements": "Japanese classes were held."},
    )

    update.refresh_from_db()
    html = _render(update, "en")
    assert "Japanese classes were held." in html and 'lang="ja"' not in html
    assert "Written in" not in html
    assert "日本語教室を開いた。" in _render(update, "ja")  # Japanese readers keep the original
    # The history keeps the update as published before the translation.
    before = update.history.order_by("history_date")[0]
    assert before.achievements_ja == "日本語教室を開いた。" and not before.achievements_en
    assert update.history.first().achievements_en == "Japanese classes were held."


def test_a_translation_never_replaces_what_the_organization_wrote():
    update = ProgressUpdateFactory(published=True, achievements_en="Their own words.")
    with pytest.raises(ValueError):
        services.update_add_translation(
            update=update, version=None, language="en", texts={"achievements": "Mine."}
        )
    update.refresh_from_db()
    assert update.achievements_en == "Their own words."


def test_only_a_published_update_gets_a_translation_this_way():
    draft = ProgressUpdateFactory(achievements_ja="下書き", achievements_en="")
    with pytest.raises(services.TransitionNotAllowed):
        services.update_add_translation(
            update=draft, version=None, language="en", texts={"achievements": "Draft"}
        )


def test_the_form_shows_the_writers_language_first_and_the_other_behind_a_disclosure(
    client, editor, pledge
):
    client.force_login(editor)
    url = reverse("pledges:update_create", args=[pledge.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    ja_field = page.index('name="achievements_ja"')
    details = page.index('<details class="other-language"')
    en_field = page.index('name="achievements_en"')
    assert ja_field < details < en_field
    assert '<details class="other-language">' in page  # closed while empty

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.index('name="achievements_en"') < page.index('name="achievements_ja"')


def test_an_update_written_in_both_languages_is_saved_in_both(client, editor, pledge):
    client.force_login(editor)
    data = payload(achievements="Held two job fairs.")
    data["achievements_ja"] = "就職フェアを2回開いた。"
    response = client.post(reverse("pledges:update_create", args=[pledge.pk]), data)
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.achievements_en, update.achievements_ja) == (
        "Held two job fairs.",
        "就職フェアを2回開いた。",
    )


def test_the_disclosure_opens_when_the_other_language_has_an_error(client, editor, pledge):
    client.force_login(editor)
    data = payload(challenges_ja="x" * 5001)
    page = client.post(
        reverse("pledges:update_create", args=[pledge.pk]), data, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert '<details class="other-language" open>' in page
