from django.urls import path

from . import views

app_name = "pledges"

urlpatterns = [
    path("", views.home, name="home"),
    path("pledges/", views.pledge_list, name="list"),
    path("pledges/<int:pk>/", views.pledge_detail, name="detail"),
]
