from django.conf import settings

from accounts.access import is_secretariat


def site(request):
    """Values every page's header and footer need."""
    return {
        "public_dashboard": settings.GRFNET_PUBLIC_DASHBOARD,
        "is_secretariat": is_secretariat(request.user) if hasattr(request, "user") else False,
    }
