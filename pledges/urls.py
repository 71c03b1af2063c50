from django.urls import path

from . import views

app_name = "pledges"

urlpatterns = [
    path("", views.home, name="home"),
    path("pledges/<int:pk>/", views.PledgeDetailView.as_view(), name="detail"),
]
