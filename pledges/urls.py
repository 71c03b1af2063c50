from django.urls import path

from . import attachment_views, views

app_name = "pledges"

urlpatterns = [
    # Progress updates: writing, submitting, and the secretariat's review.
    path("pledges/<int:pk>/updates/new/", views.update_create, name="update_create"),
    path("updates/<int:pk>/edit/", views.update_edit, name="update_edit"),
    path("updates/<int:pk>/submit/", views.update_submit, name="update_submit"),
    path("updates/<int:pk>/withdraw/", views.update_withdraw, name="update_withdraw"),
    path("review/", views.review, name="review"),
    path("updates/<int:pk>/publish/", views.update_publish, name="update_publish"),
    path("updates/<int:pk>/return/", views.update_return, name="update_return"),
    path("attachments/<int:pk>/", attachment_views.attachment_download, name="attachment"),
]
