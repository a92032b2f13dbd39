"""The oracle's URLs plus views the DRF fixtures need that the oracle does not have: /api/scoped/ is
the oracle's ItemsView with throttle_scope = "burst" (for ScopedRateThrottle)."""
from django.urls import path

from oracle_app import views
from oracle_project.urls import urlpatterns as oracle_urlpatterns


class ScopedItemsView(views.ItemsView):
    throttle_scope = "burst"


urlpatterns = list(oracle_urlpatterns) + [
    path("api/scoped/", ScopedItemsView.as_view(), name="scoped"),
]
