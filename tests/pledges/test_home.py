import pytest
from django.urls import reverse

from tests.factories import ObjectiveFactory, OrganizationFactory, PledgeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges(db):
    objectives = [ObjectiveFactory(number=n) for n in (1, 2, 3, 4)]
    welcome = OrganizationFactory(name_en="Welcome Japan", name_ja="")
    jbf = OrganizationFactory(name_en="Japan Buddhist Federation", name_ja="全日本仏教会")
    return [
        PledgeFactory(
            title_en="Refugees' inclusion in Japan's labour market",
            title_ja="",
            lead_organization=welcome,
            objectives=[objectives[1]],
        ),
        PledgeFactory(
            title_en="New initiatives for refugee support",
            title_ja="仏教界の新たな取り組み",
            lead_organization=jbf,
            objectives=[objectives[0], objectives[1]],
        ),
    ]


def test_home_requires_sign_in_unless_the_dashboard_is_public(client, pledges):
    response = client.get(reverse("pledges:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_home_shows_pledges_grouped_by_objective_in_english(client, pledges, public_dashboard):
    response = client.get(reverse("pledges:home"), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    objectives = response.context["objectives"]
    titles = {o.number: [p.title for p in o.pledge_list] for o in objectives}
    assert titles[1] == ["New initiatives for refugee support"]
    assert sorted(titles[2]) == [
        "New initiatives for refugee support",
        "Refugees' inclusion in Japan's labour market",
    ]
    assert "Japan Buddhist Federation" in html


def test_home_in_japanese_falls_back_to_english_where_the_japanese_title_is_empty(
    client, pledges, public_dashboard
):
    response = client.get(reverse("pledges:home"), HTTP_ACCEPT_LANGUAGE="ja")
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert "仏教界の新たな取り組み" in html
    assert "全日本仏教会" in html
    assert "Refugees&#x27; inclusion in Japan&#x27;s labour market" in html
    assert "Welcome Japan" in html
    assert "ダッシュボード" in html


def test_site_speaks_japanese_to_a_browser_without_preference(
    client, pledges, public_dashboard, settings
):
    settings.LANGUAGE_CODE = "ja"
    html = client.get(reverse("pledges:home")).content.decode()
    assert '<html lang="ja">' in html


def test_language_switch_changes_the_language_of_the_next_page(client, pledges, public_dashboard):
    response = client.post(
        reverse("set_language"), {"language": "ja", "next": reverse("pledges:home")}
    )
    assert response.status_code == 302
    html = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="ja">' in html
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(response.url).content.decode()
    assert '<html lang="en">' in html


@pytest.mark.parametrize("pledge_count", [3, 40])
def test_home_runs_a_fixed_number_of_queries(
    client, public_dashboard, django_assert_max_num_queries, pledge_count
):
    objectives = [ObjectiveFactory(number=n) for n in (1, 2, 3, 4)]
    for i in range(pledge_count):
        PledgeFactory(objectives=[objectives[i % 4]])
    with django_assert_max_num_queries(4):
        response = client.get(reverse("pledges:home"))
    assert response.status_code == 200
