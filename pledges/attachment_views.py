"""Evidence files, served with the visibility of the update they belong to.

A draft, submitted or returned update's files are the reporting organization's and the
secretariat's: anyone else gets 404, as for the update itself. A published update's files
are readable by whoever may read the pledge (``accounts.access``). Always a download
(``Content-Disposition: attachment``) with ``X-Content-Type-Options: nosniff``, so a file
is never rendered in the site's origin.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from accounts.access import can_read_network_pages

from .models import Attachment, ProgressUpdate
from .permissions import can_see_update


@require_safe
def attachment_download(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("update"), pk=pk)
    update = attachment.update
    published = update.state == ProgressUpdate.State.PUBLISHED
    if published and not can_read_network_pages(request.user):
        return redirect_to_login(request.get_full_path())
    if not published and not (
        request.user.is_authenticated and can_see_update(request.user, update)
    ):
        raise Http404
    try:
        stream = attachment.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(
        stream, as_attachment=True, filename=attachment.name, content_type=attachment.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600" if published else "private, no-store"
    return response
