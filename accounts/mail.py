"""Emails to people, each in the language they chose for emails.

Every email the site sends to a person is rendered here: a subject and a body template,
rendered with the recipient's ``preferred_language`` active, so links, dates and wording all
follow it.
"""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .links import site_url


def email_for(user, *, subject_template: str, body_template: str, context: dict) -> EmailMessage:
    """The email to ``user`` in their language. The subject is one line, however the
    template wraps it. ``user``, ``site_url`` are added to the context."""
    with translation.override(user.preferred_language):
        context = {"user": user, "site_url": site_url(), **context}
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    return EmailMessage(subject=subject, body=body, to=[user.email])
