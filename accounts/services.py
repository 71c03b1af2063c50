"""Writes to accounts: inviting a person the secretariat has created in the admin."""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .links import site_reverse
from .mail import email_for


def user_set_password_url(*, user) -> str:
    """An absolute one-time link to choose a password (Django's reset-confirm view)."""
    return site_reverse(
        "password_reset_confirm",
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),
    )


def user_invite(*, user) -> bool:
    """Email ``user`` a link to set their password, in their preferred language.

    Returns False, sending nothing, when the user has no email address or is inactive.
    The link stops working once a password is set (Django's token includes the hash).
    """
    if not user.email or not user.is_active:
        return False
    email_for(
        user,
        subject_template="accounts/email/invite_subject.txt",
        body_template="accounts/email/invite.txt",
        context={"url": user_set_password_url(user=user), "login_url": site_reverse("login")},
    ).send()
    return True


def user_update_profile(
    *, user, first_name: str, last_name: str, email: str, email_language: str
) -> None:
    """Save what a person says about themselves on their profile page.

    ``email_language`` "" means "the language I last used the site in": the email language
    then follows the interface (``RememberInterfaceLanguageMiddleware``), starting from the
    one in use now (``user.preferred_language`` already holds it).
    """
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.email = email.strip()
    user.email_language_follows_interface = not email_language
    if email_language:
        user.preferred_language = email_language
    user.full_clean()
    user.save(
        update_fields=[
            "first_name",
            "last_name",
            "email",
            "email_language_follows_interface",
            "preferred_language",
        ]
    )
