"""
WSGI config for grfnet project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core.wsgi import get_wsgi_application

from grfnet.settings_checks import refuse_development_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "grfnet.settings")

application = get_wsgi_application()

# The public development key signs sessions and password-reset links that anyone could
# forge: a server runs with it only in development mode (DEBUG=True).
refuse_development_key()
