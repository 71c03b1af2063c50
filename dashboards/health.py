"""``/healthz``: whether this app process can serve pages, for load balancers and uptime
checks, and the floor the benchmark compares every page against.

One ``SELECT 1``; no session, no template, no translation. Exempt from the HTTPS redirect
(``SECURE_REDIRECT_EXEMPT``) because load balancers check over plain HTTP.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("grfnet")


@never_cache
@require_safe
def healthz(request):
    """200 "ok" when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("Health check: the database does not answer: %s", error)
        return HttpResponse(
            "database unavailable\n",
            status=503,
            content_type="text/plain",
            headers={"Retry-After": "30"},
        )
    return HttpResponse("ok\n", content_type="text/plain")
