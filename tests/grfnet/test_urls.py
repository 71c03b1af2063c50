from django.urls import reverse


def test_favicon_ico_leads_to_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response.url.endswith("img/favicon.svg")


def test_unknown_page_is_a_plain_404(client, db):
    assert client.get("/no-such-page/").status_code == 404
    assert reverse("dashboards:home") == "/"
