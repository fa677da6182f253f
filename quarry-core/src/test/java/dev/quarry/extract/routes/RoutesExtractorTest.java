package dev.quarry.extract.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.code.ExtractorFixture;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import org.junit.jupiter.api.Test;

class RoutesExtractorTest {
  private final RoutesExtractor routes = new RoutesExtractor();

  @Test
  void resolvesAliasedRoutersAndPrefixesAcrossFilesAfterNonAsciiText() {
    var r = ExtractorFixture.run(routes, "routes/fastapi-aliases");
    assertThat(r.symbols()).containsExactly("GET /", "GET /api/v1/items/{item_id}", "PUT|PATCH /api/v1/items/bulk",
        "DELETE /other/{x}");
    Example read = r.bySymbol("GET /api/v1/items/{item_id}");
    assertThat(read.source().path()).isEqualTo("app/routers/items.py");
    assertThat(read.source().lines()).isEqualTo(new LineRange(9, 15));
    assertThat(read.messages().get(1).content()).contains("Fetch one item");
    assertThat(read.messages().get(2).content()).contains("@router.get(\n    \"/{item_id}\",")
        .contains("async def read_item(item_id: int) -> dict:\n    return {\"id\": item_id}");
    assertThat(read.category()).isEqualTo("api-endpoints");
    assertThat(r.bySymbol("PUT|PATCH /api/v1/items/bulk").source().lines()).isEqualTo(new LineRange(18, 21));
    assertThat(r.bySymbol("PUT|PATCH /api/v1/items/bulk").messages().get(1).content())
        .contains("Update many items at once");
  }

  @Test
  void thePromptStatesEveryContractDetailTheAnswersDecoratorDeclares() {
    var r = ExtractorFixture.run(routes, "routes/fastapi-contract");
    Example search = r.bySymbol("POST /v1/vectors/search");
    String prompt = search.messages().get(1).content();
    assertThat(search.messages().get(2).content()).contains("operation_id=\"searchVectors\"");
    assertThat(prompt).contains("Declare the operation id `searchVectors`, the response model `SearchResponse`, "
        + "status code `200`, the dependencies `[Depends(require_scope(\"read\"))]` and the error responses "
        + "`error_responses(401, 404)`.");
  }

  @Test
  void flaskBlueprintPrefixesAddUp() {
    var r = ExtractorFixture.run(routes, "routes/flask-blueprints");
    assertThat(r.symbols()).containsExactly("GET /health", "GET|POST /auth/v2/login");
    assertThat(r.bySymbol("GET|POST /auth/v2/login").source().lines()).isEqualTo(new LineRange(6, 9));
  }

  @Test
  void expressRoutersMountedByUseUnderAnAliasedImport() {
    var r = ExtractorFixture.run(routes, "routes/express");
    assertThat(r.symbols()).containsExactly("GET /health", "GET /v1/users/", "GET /v1/users/:id",
        "DELETE /v1/users/:id");
    assertThat(r.bySymbol("GET /v1/users/").source().lines()).isEqualTo(new LineRange(6, 8));
    assertThat(r.bySymbol("GET /v1/users/").messages().get(1).content()).contains("List users");
    assertThat(r.bySymbol("DELETE /v1/users/:id").source().lines()).isEqualTo(new LineRange(10, 12));
  }

  @Test
  void expressPrefixesThroughChainedUseAndDefaultExports() {
    var r = ExtractorFixture.run(routes, "routes/express-chain");
    assertThat(r.symbols()).containsExactly("GET /api/tags");
    assertThat(r.bySymbol("GET /api/tags").source().path()).isEqualTo("routes/tags.ts");
    assertThat(r.bySymbol("GET /api/tags").source().lines()).isEqualTo(new LineRange(5, 7));
    assertThat(r.bySymbol("GET /api/tags").language()).isEqualTo("typescript");
  }

  @Test
  void springClassLevelMappingPrefixesMethods() {
    var r = ExtractorFixture.run(routes, "routes/spring");
    assertThat(r.symbols()).containsExactly("GET /api/users/{id}", "POST /api/users", "PUT /api/users/{id}");
    Example get = r.bySymbol("GET /api/users/{id}");
    assertThat(get.source().lines()).isEqualTo(new LineRange(9, 13));
    assertThat(get.messages().get(2).content()).contains("@GetMapping(\"/{id}\")");
    assertThat(get.language()).isEqualTo("java");
  }

  @Test
  void djangoViewsRoutedByUrlpatternsIncludesAndRoutersGetTheirFullPaths() {
    var r = ExtractorFixture.run(routes, "routes/django");
    assertThat(r.symbols()).containsExactly("POST /api/products/{pk}/set-price/",
        "GET|POST /api/products/", "GET|POST /api/orders/", "GET /api/orders/<int:pk>/",
        "DELETE /api/orders/<int:pk>/", "GET /api/health/");
    Example viewset = r.bySymbol("GET|POST /api/products/");
    assertThat(viewset.source().path()).isEqualTo("shop/views.py");
    assertThat(viewset.source().lines()).isEqualTo(new LineRange(10, 21));
    assertThat(viewset.messages().get(1).content()).contains("Django REST framework")
        .contains("Products of the catalogue")
        .contains("The same code also serves `GET|PUT|PATCH|DELETE /api/products/{pk}/`.");
    assertThat(viewset.messages().get(2).content()).contains("It is routed in `shop/urls.py`:")
        .contains("router.register(r\"products\", views.ProductViewSet, basename=\"product\")");
  }

  @Test
  void aClassBasedViewHandlerMethodIsShownInsideItsClassSkeleton() {
    var r = ExtractorFixture.run(routes, "routes/django");
    Example get = r.bySymbol("GET /api/orders/<int:pk>/");
    assertThat(get.source().lines()).isEqualTo(new LineRange(34, 37));
    String answer = get.messages().get(2).content();
    assertThat(answer).contains("class OrderDetail(APIView):\n    serializer_class = OrderSerializer\n\n"
        + "    def get(self, request, pk):").doesNotContain("def delete");
    assertThat(get.messages().get(1).content()).contains("Fetch one order");
    assertThat(answer).contains("path(\"orders/<int:pk>/\", views.OrderDetail.as_view(), name=\"order-detail\")");
  }

  @Test
  void aFunctionViewTakesItsMethodsFromApiViewAndAnUnroutedFunctionIsNoRoute() {
    var r = ExtractorFixture.run(routes, "routes/django");
    Example health = r.bySymbol("GET /api/health/");
    assertThat(health.source().lines()).isEqualTo(new LineRange(45, 48));
    assertThat(r.examples()).noneMatch(e -> e.messages().get(2).content().contains("def unrouted"));
  }

  @Test
  void fastApiAddApiRouteFindsTheEndpointWhereItIsDefinedUnderTheRouterPrefixes() {
    var r = ExtractorFixture.run(routes, "routes/fastapi-add-route");
    assertThat(r.symbols()).containsExactly("GET /api/v1/items", "POST /api/v1/items", "WEBSOCKET /ws");
    Example list = r.bySymbol("GET /api/v1/items");
    assertThat(list.source().path()).isEqualTo("app/handlers.py");
    assertThat(list.source().lines()).isEqualTo(new LineRange(4, 6));
    assertThat(list.messages().get(1).content()).contains("FastAPI").contains("List the items in stock");
    assertThat(list.messages().get(2).content()).contains("It is routed in `app/main.py`:")
        .contains("router.add_api_route(\"/items\", handlers.list_items, methods=[\"GET\"])");
  }

  @Test
  void flaskAddUrlRuleRoutesFunctionsAndMethodViews() {
    var r = ExtractorFixture.run(routes, "routes/flask-add-url-rule");
    assertThat(r.symbols()).containsExactly("GET /", "GET /counter", "POST /counter");
    assertThat(r.bySymbol("POST /counter").messages().get(2).content())
        .contains("class Counter(MethodView):\n\n    def post(self):");
  }

  @Test
  void nestControllersJoinTheGlobalPrefixVersionControllerAndMethodPaths() {
    var r = ExtractorFixture.run(routes, "routes/nestjs");
    assertThat(r.symbols()).containsExactly("GET /api/cats", "GET /api/cats/:id", "POST /api/cats",
        "DELETE /api/v3/dogs/:id");
    Example all = r.bySymbol("GET /api/cats");
    assertThat(all.source().path()).isEqualTo("src/cats/cats.controller.ts");
    assertThat(all.source().lines()).isEqualTo(new LineRange(9, 13));
    assertThat(all.messages().get(1).content()).contains("NestJS").contains("List every cat");
    assertThat(all.messages().get(2).content()).contains("@Controller('cats')\nexport class CatsController {\n"
        + "  constructor(private readonly catsService: CatsService) {}\n\n  /** List every cat. */\n  @Get()\n"
        + "  findAll() {").contains("  }\n}").doesNotContain("helper");
  }

  @Test
  void anExpressRouteNamingItsHandlerIsMinedAtTheHandlerWithItsMiddlewareAndLoopMountedPrefix() {
    var r = ExtractorFixture.run(routes, "routes/express-refs");
    assertThat(r.symbols()).containsExactlyInAnyOrder("POST /v1/users/", "GET /v1/users/", "GET /v1/users/:id");
    Example create = r.bySymbol("POST /v1/users/");
    assertThat(create.source().path()).isEqualTo("controllers/user.controller.js");
    assertThat(create.source().lines()).isEqualTo(new LineRange(3, 7));
    assertThat(create.messages().get(1).content()).contains("Create a user from the request body");
    assertThat(create.messages().get(2).content()).contains("const createUser = catchAsync(")
        .contains("It is routed in `routes/user.route.js`:")
        .contains("Before the handler, the route runs `auth('manageUsers')`, `validate(createUserSchema)`.");
    assertThat(r.bySymbol("GET /v1/users/:id").source().path()).isEqualTo("routes/user.route.js");
  }

  @Test
  void aNameRoutedByReferenceIsTheDefinitionOfTheRegistrationsOwnScope() {
    var r = ExtractorFixture.run(routes, "routes/flask-scopes");
    assertThat(r.symbols()).containsExactly("GET /a", "GET /b");
    assertThat(r.bySymbol("GET /a").source().lines()).isEqualTo(new LineRange(7, 8));
    assertThat(r.bySymbol("GET /b").source().lines()).isEqualTo(new LineRange(17, 18));
  }
}
