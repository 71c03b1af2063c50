"""About, privacy, accessibility and contact: for everyone, in both languages, in the footer."""

import pytest
from django.urls import reverse
from django.utils import translation

PAGES = {
    "about": (
        "About the Japan Global Refugee Forum Network",
        "日本グローバル難民フォーラム・ネットワークについて",
    ),
    "privacy": ("Privacy: what we store about you and why", "プライバシー：保存する情報とその理由"),
    "accessibility": ("Accessibility statement", "アクセシビリティ方針"),
    "contact": ("Contact the secretariat", "事務局への連絡"),
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("public", [True, False])
def test_anyone_reads_the_page_even_when_the_dashboard_is_private(client, settings, name, public):
    settings.GRFNET_PUBLIC_DASHBOARD = public
    response = client.get(reverse(f"pages:{name}"))
    assert response.status_code == 200
    assert PAGES[name][0] in response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_the_page_speaks_japanese(client, name):
    with translation.override("ja"):
        url = reverse(f"pages:{name}")
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="ja")
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert PAGES[name][1] in html


@pytest.mark.django_db
def test_every_page_links_the_four_from_its_footer(client, settings):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    html = client.get(reverse("dashboards:home")).content.decode()
    footer = html[html.index('<footer class="site-footer') :]
    for name in PAGES:
        assert f'href="{reverse(f"pages:{name}")}"' in footer


@pytest.mark.parametrize("name", ["privacy", "accessibility", "contact"])
def test_the_page_gives_the_secretariats_address(client, settings, name):
    settings.GRFNET_CONTACT_EMAIL = "grf-network@example.go.jp"
    html = client.get(reverse(f"pages:{name}")).content.decode()
    assert 'href="mailto:grf-network@example.go.jp"' in html


def test_the_current_page_is_marked_in_the_side_list(client):
    html = client.get(reverse("pages:privacy")).content.decode()
    assert f'href="{reverse("pages:privacy")}" aria-current="page"' in html
    assert f'href="{reverse("pages:about")}" aria-current="page"' not in html


def test_the_pages_take_no_posts(client):
    assert client.post(reverse("pages:contact")).status_code == 405
