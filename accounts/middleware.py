"""Remember the language a signed-in person uses the site in, for their emails."""

from django.contrib.auth import get_user_model

from .languages import LANGUAGES


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
