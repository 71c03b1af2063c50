"""
ASGI config for grfnet project.

It exposes the ASGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/asgi/
"""

import os

from django.core.asgi import get_asgi_application

from grfnet.settings_checks import refuse_development_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "grfnet.settings")

application = get_asgi_application()

# The public development key signs sessions and password-reset links that anyone could
# forge: a server runs with it only in development mode (DEBUG=True).
refuse_development_key()
