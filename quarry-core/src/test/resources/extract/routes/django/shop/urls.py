from django.urls import include, path, re_path
from rest_framework.routers import DefaultRouter

from . import views
from .views import OrderList

router = DefaultRouter()
router.register(r"products", views.ProductViewSet, basename="product")

urlpatterns = [
    path("", include(router.urls)),
    path("orders/", OrderList.as_view(), name="order-list"),
    path("orders/<int:pk>/", views.OrderDetail.as_view(), name="order-detail"),
    re_path(r"^health/$", views.health),
]
