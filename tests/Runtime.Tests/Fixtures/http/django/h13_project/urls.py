"""The oracle's URLs plus the views only this recording project has (all under /h13/)."""
from django.urls import path

from oracle_project.urls import urlpatterns as oracle_urlpatterns

from h13_project import views

urlpatterns = oracle_urlpatterns + [
    path("h13/body/", views.body, name="h13-body"),
    path("h13/form/", views.form, name="h13-form"),
    path("h13/query/", views.query, name="h13-query"),
    path("h13/host/", views.host, name="h13-host"),
    path("h13/xframe-exempt/", views.xframe_exempt, name="h13-xframe-exempt"),
    path("h13/xframe-preset/", views.xframe_preset, name="h13-xframe-preset"),
    path("h13/xframe-sameorigin/", views.xframe_sameorigin, name="h13-xframe-sameorigin"),
    path("h13/no-append/", views.no_append, name="h13-no-append"),
    path("h13/items/<int:pk>/", views.item, name="h13-item"),
    path("h13/users/<str:name>/", views.user, name="h13-user"),
    path("h13/exact", views.exact, name="h13-exact"),
]
