from django.urls import path

from . import attachment_views, views

app_name = "pledges"

urlpatterns = [
    path("", views.home, name="home"),
    path("pledges/", views.pledge_list, name="list"),
    path("pledges/<int:pk>/", views.pledge_detail, name="detail"),
    # Progress updates: the focal point's workspace, writing, and the secretariat's review.
    path("my/", views.workspace, name="workspace"),
    path("pledges/<int:pk>/updates/new/", views.update_create, name="update_create"),
    path("updates/<int:pk>/edit/", views.update_edit, name="update_edit"),
    path("updates/<int:pk>/submit/", views.update_submit, name="update_submit"),
    path("review/", views.review, name="review"),
    path("updates/<int:pk>/publish/", views.update_publish, name="update_publish"),
    path("updates/<int:pk>/return/", views.update_return, name="update_return"),
    path("attachments/<int:pk>/", attachment_views.attachment_download, name="attachment"),
]
