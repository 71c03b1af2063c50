"""The pages a public site owes its readers: about, privacy, accessibility, contact.

Readable by everyone, signed in or not, whatever ``GRFNET_PUBLIC_DASHBOARD`` says: they
describe the site itself, not the network's data. Their text is in the templates
(``templates/accounts/pages/``), translated like the rest of the interface.
"""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

PAGES = ("about", "privacy", "accessibility", "contact")


def _page(name):
    @require_safe
    def view(request):
        return render(
            request,
            f"accounts/pages/{name}.html",
            {"contact_email": settings.GRFNET_CONTACT_EMAIL, "page_name": name},
        )

    view.__name__ = name
    view.__doc__ = f"The {name} page."
    return view


about = _page("about")
privacy = _page("privacy")
accessibility = _page("accessibility")
contact = _page("contact")
