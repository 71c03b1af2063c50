"""The page frame kept in process memory ({% cachedchrome %}, pledges.templatetags.page_cache):
each reader still sees the navigation of their role, page and language, and their own CSRF
token and path in the header, whoever was served before them."""

import re

import pytest
from django.urls import reverse

from pledges.templatetags import page_cache

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    return html[html.index('<nav class="navbar') : html.index("</header>")]


def test_each_role_page_and_language_gets_its_own_navigation(client, public_dashboard, secretariat):
    home, pledges = reverse("dashboards:home"), reverse("dashboards:pledge_list")
    anonymous = client.get(home).content.decode()
    assert page_cache._chrome, "the frame is kept between requests"
    assert reverse("pledges:review") not in _nav(anonymous)
    assert re.search(r'nav-link active" aria-current="page"\s+href="/"', _nav(anonymous))

    on_pledges = client.get(pledges).content.decode()
    assert re.search(r'active"\s+aria-current="page" href="/pledges/"', _nav(on_pledges))
    assert not re.search(r'nav-link active" aria-current="page"\s+href="/"', _nav(on_pledges))

    client.force_login(secretariat)
    signed_in = client.get(home).content.decode()
    assert reverse("pledges:review") in _nav(signed_in)
    assert reverse("dashboards:workspace") in _nav(signed_in)

    client.logout()
    again = client.get(home).content.decode()
    assert _nav(again) == _nav(anonymous)

    japanese = client.get(home, HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "ダッシュボード" in _nav(japanese)
    assert "ダッシュボード" not in _nav(client.get(home).content.decode())


def test_the_header_keeps_each_readers_token_and_path(client, public_dashboard):
    home = reverse("dashboards:home")
    first = client.get(home + "?a=1").content.decode()
    client.cookies.clear()
    second = client.get(home + "?b=2").content.decode()
    tokens = [
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', h)[1] for h in (first, second)
    ]
    assert tokens[0] != tokens[1]
    assert 'name="next" type="hidden" value="/?b=2"' in second
