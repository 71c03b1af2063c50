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

from django.core.exceptions import BadRequest
from django.http import HttpResponseNotAllowed

ALLOWED_METHODS = ("GET", "HEAD", "POST")


def _has_nul(querydict) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values if isinstance(value, str))
        for key, values in querydict.lists()
    )


class HostileInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            raise BadRequest("NUL character in the request's parameters")
        return self.get_response(request)
