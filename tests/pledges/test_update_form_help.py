"""The update form keeps work and explains errors: no silent cut, a summary of errors that
links to each field, the line of a bad link, and where pre-filled text comes from."""

import re

import pytest
from django.urls import reverse

from pledges.models import ProgressUpdate
from tests.factories import PledgeFactory, ProgressUpdateFactory
from tests.pledges.update_helpers import payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(organization):
    return PledgeFactory(lead_organization=organization, title_en="Jobs for refugees")


def _new_url(pledge):
    return reverse("pledges:update_create", kwargs={"pk": pledge.pk})


def test_long_texts_have_a_counted_limit_but_no_maxlength_that_cuts(client, editor, pledge):
    client.force_login(editor)
    html = client.get(_new_url(pledge)).content.decode()
    [achievements] = re.findall(r"<textarea[^>]*name=\"achievements_en\"[^>]*>", html)
    assert " maxlength=" not in achievements
    assert 'data-maxlength="5000"' in achievements
    assert "%(count)s of %(limit)s characters" in achievements
    assert "js/char_count.js" in html


def test_a_10000_character_text_is_kept_with_an_error_saying_by_how_much(client, editor, pledge):
    client.force_login(editor)
    text = "長" * 10_000
    response = client.post(_new_url(pledge), payload(achievements=text))
    assert response.status_code == 200
    assert not ProgressUpdate.objects.exists()
    html = response.content.decode()
    assert text in html  # nothing was cut
    assert "This text has 10000 characters; the limit is 5000." in html


def test_error_summary_lists_each_error_with_a_link_to_its_field(client, editor, pledge):
    client.force_login(editor)
    response = client.post(
        _new_url(pledge), payload(progress="150", stage=None, links="javascript:alert(1)")
    )
    html = response.content.decode()
    [summary] = re.findall(r'<div class="alert alert-danger error-summary".*?</div>', html, re.S)
    assert "autofocus" in summary and 'tabindex="-1"' in summary
    assert 'href="#id_progress"' in summary
    assert 'href="#id_stage_0"' in summary  # radio buttons: the first one
    assert 'href="#id_links"' in summary
    assert 'id="id_stage_0"' in html


def test_link_error_names_the_line(client, editor, pledge):
    client.force_login(editor)
    links = "https://example.org/a\n\nwww.example.org/b"
    html = client.post(_new_url(pledge), payload(links=links)).content.decode()
    assert "Line 3 (“www.example.org/b”) is not a web address" in html


def test_form_says_when_it_is_prefilled_from_the_last_published_update(
    client, editor, pledge, organization
):
    client.force_login(editor)
    html = client.get(_new_url(pledge)).content.decode()
    assert "Pre-filled from" not in html  # nothing to pre-fill from yet

    ProgressUpdateFactory(pledge=pledge, organization=organization, published=True)
    html = client.get(_new_url(pledge)).content.decode()
    assert "Pre-filled from the last published update (" in html
    assert "Change what is new since then." in html


def test_save_draft_stays_on_the_form_saying_when(client, editor, pledge):
    client.force_login(editor)
    response = client.post(_new_url(pledge), payload(), follow=True)
    update = ProgressUpdate.objects.get()
    assert response.redirect_chain[-1][0] == reverse("pledges:update_edit", args=[update.pk])
    assert re.search(r"Draft saved at \d\d:\d\d\.", response.content.decode())
