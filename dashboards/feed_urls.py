from django.urls import path

from . import feeds

app_name = "feeds"

urlpatterns = [
    path("<str:lang>/updates/", feeds.UpdatesFeed(), name="network"),
    path("<str:lang>/pledges/<int:pk>/", feeds.PledgeUpdatesFeed(), name="pledge"),
    path(
        "<str:lang>/organizations/<slug:slug>/",
        feeds.OrganizationUpdatesFeed(),
        name="organization",
    ),
    path("<str:lang>/objectives/<int:number>/", feeds.ObjectiveUpdatesFeed(), name="objective"),
]
