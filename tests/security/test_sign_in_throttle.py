"""Password spraying: one address trying many accounts meets a ceiling across user names."""

import pytest
from django.urls import reverse

from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")


def test_one_address_spraying_many_accounts_is_stopped(client, settings):
    settings.GRFNET_ADDRESS_FAILURE_LIMIT = 8
    victims = [UserFactory(username=f"person{i}") for i in range(5)]
    # Two wrong passwords per account: far below the per-account limit of six.
    statuses = [
        client.post(
            LOGIN, {"username": victim.username, "password": password}, REMOTE_ADDR="10.9.9.9"
        ).status_code
        for victim in victims[:4]
        for password in ("Password1", "Summer2026")
    ]
    assert statuses == [200] * 7 + [429]  # the eighth failure from the address is the last
    # Even a right password for another account is refused from there...
    right = {"username": victims[4].username, "password": DEFAULT_PASSWORD}
    response = client.post(LOGIN, right, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429
    assert "Sign-in temporarily blocked" in response.content.decode()
    # ...while the same person signs in from elsewhere.
    assert client.post(LOGIN, right, REMOTE_ADDR="10.1.1.1").status_code == 302


def test_the_address_ceiling_is_higher_than_the_per_account_limit(settings):
    assert settings.GRFNET_ADDRESS_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT * 2
