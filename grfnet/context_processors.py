from django.conf import settings


def site(request):
    """Values every page's header and footer need."""
    return {"public_dashboard": settings.GRFNET_PUBLIC_DASHBOARD}
