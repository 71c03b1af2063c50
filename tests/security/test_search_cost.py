"""A search of thousands of words costs what a search of a few does (issue 9, item 4)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.search import MAX_WORDS, search_words
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db

MANY_WORDS = " ".join(f"w{i}" for i in range(2000))


def _likes(queries):
    return max(q["sql"].upper().count("LIKE") for q in queries)


def test_search_words_are_distinct_and_capped():
    assert search_words("Tokyo tokyo  TOKYO school") == ["Tokyo", "school"]
    assert len(search_words(MANY_WORDS)) == MAX_WORDS
    assert search_words("x" * 1000) == ["x" * 64]


def test_the_pledge_search_is_bounded(client, public_dashboard):
    PledgeFactory(title_en="Scholarships for refugee students in Tokyo")
    client.get("/pledges/", {"q": "refugee"})  # warm up
    with CaptureQueriesContext(connection) as few:
        response = client.get("/pledges/", {"q": "refugee Tokyo"})
    assert "Scholarships for refugee students" in response.content.decode()
    with CaptureQueriesContext(connection) as many:
        response = client.get("/pledges/", {"q": " ".join(["refugee"] * 100 + ["w"] * 100)})
    assert response.status_code == 200
    assert _likes(many.captured_queries) <= _likes(few.captured_queries)


def test_an_over_long_search_is_ignored_with_a_message(client, public_dashboard):
    response = client.get("/pledges/", {"q": MANY_WORDS})
    assert response.status_code == 200
    assert "was ignored" in response.content.decode()


def test_the_admin_search_and_autocomplete_are_bounded(client, secretariat):
    client.force_login(secretariat)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/pledges/pledge/", {"q": MANY_WORDS})
    assert response.status_code == 200
    # Seven search fields, at most MAX_WORDS words each.
    assert _likes(queries.captured_queries) <= 7 * MAX_WORDS
    query = {
        "app_label": "pledges",
        "model_name": "progressupdate",
        "field_name": "pledge",
        "term": MANY_WORDS,
    }
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/autocomplete/", query).status_code == 200
    assert _likes(queries.captured_queries) <= 7 * MAX_WORDS
