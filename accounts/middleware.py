"""Middleware of the accounts app.

- ``HostileInputMiddleware``: request hygiene every page shares (see its docstring).
- ``RememberInterfaceLanguageMiddleware``: remember the language a signed-in person uses the
  site in, for their emails.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import BadRequest
from django.http import HttpResponseNotAllowed

from .languages import LANGUAGES

ALLOWED_METHODS = ("GET", "HEAD", "POST")


def _has_nul(querydict) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values if isinstance(value, str))
        for key, values in querydict.lists()
    )


class HostileInputMiddleware:
    """Request hygiene that every page shares.

    The site reads with GET and HEAD and writes with POST; any other method (PUT, DELETE,
    TRACE, made-up ones) answers 405 on every page, Django's own (admin, sign-in) included.
    Each view of ours narrows this further with ``require_safe`` or ``require_http_methods``.

    A NUL byte in a query or form value can be neither stored nor searched by PostgreSQL (it
    raises instead of answering), so such requests are refused with the site's 400 page
    before any view runs. Form fields refuse NUL bytes beside the field themselves (Django's
    ``ProhibitNullCharactersValidator``); this also covers list filters, search boxes, admin
    autocomplete terms and action selections, which are no form field.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            raise BadRequest("NUL character in the request's parameters")
        return self.get_response(request)


class RememberInterfaceLanguageMiddleware:
    """When a signed-in person's email language follows the interface (the default), set
    it to the language they act in: the one they switch to with the language switch, or
    the one of any other form they send (signing in, writing an update, reviewing).

    Only POST requests count, so reading pages never writes; one row is written only when
    the language changes. Must come after LocaleMiddleware and AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "POST":
            self._remember(request)
        return response

    @staticmethod
    def _remember(request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.email_language_follows_interface:
            return
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "set_language":
            language = request.POST.get("language", "")
        else:
            language = getattr(request, "LANGUAGE_CODE", "") or ""
        language = language[:2]
        if language in LANGUAGES and language != user.preferred_language:
            get_user_model().objects.filter(pk=user.pk).update(preferred_language=language)
