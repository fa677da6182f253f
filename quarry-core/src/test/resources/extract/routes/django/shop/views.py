from rest_framework import generics, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Order, Product
from .serializers import OrderSerializer, ProductSerializer


class ProductViewSet(viewsets.ModelViewSet):
    """Products of the catalogue."""

    queryset = Product.objects.all()
    serializer_class = ProductSerializer

    @action(detail=True, methods=["post"], url_path="set-price")
    def set_price(self, request, pk=None):
        product = self.get_object()
        product.price = request.data["price"]
        product.save()
        return Response({"price": product.price})


class OrderList(generics.ListCreateAPIView):
    """List orders or place a new one."""

    queryset = Order.objects.all()
    serializer_class = OrderSerializer


class OrderDetail(APIView):
    serializer_class = OrderSerializer

    def get(self, request, pk):
        """Fetch one order."""
        order = Order.objects.get(pk=pk)
        return Response(OrderSerializer(order).data)

    def delete(self, request, pk):
        """Cancel an order."""
        Order.objects.filter(pk=pk).delete()
        return Response(status=204)


@api_view(["GET"])
def health(request):
    """Report that the service is up."""
    return Response({"ok": True})


def unrouted(request):
    return Response({})
