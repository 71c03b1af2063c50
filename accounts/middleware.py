"""Remember the language a signed-in person uses the site in, for their emails."""

from django.contrib.auth import get_user_model

from .languages import reader_language


class RememberInterfaceLanguageMiddleware:
    """When a signed-in person's email language follows the interface (the default), set
    it to the language of this request (LocaleMiddleware's choice: the language switch,
    the cookie or the browser). Writes one row only when the language changes.

    Must come after LocaleMiddleware and AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        language = getattr(request, "LANGUAGE_CODE", None)
        if (
            user is not None
            and user.is_authenticated
            and language
            and user.email_language_follows_interface
            and reader_language(language) != user.preferred_language
        ):
            get_user_model().objects.filter(pk=user.pk).update(
                preferred_language=reader_language(language)
            )
        return response
