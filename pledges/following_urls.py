from django.urls import path

from . import following_views as views

app_name = "following"

urlpatterns = [
    path("accounts/following/", views.following_list, name="list"),
    path("pledges/<int:pk>/follow/", views.follow_pledge, name="pledge"),
    path("organizations/<slug:slug>/follow/", views.follow_organization, name="organization"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
