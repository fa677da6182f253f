package dev.quarry.extract.routes;

import java.util.List;
import java.util.Map;

/**
 * A route handler found in the code.
 *
 * @param method HTTP method in upper case ({@code GET}), {@code ANY} or {@code WEBSOCKET}
 * @param path the full path, prefixes of routers and mounts included; unevaluated parts in braces
 * @param framework {@code fastapi}, {@code flask}, {@code express} or {@code spring}
 * @param handler the handler's name, or "" for an anonymous handler
 * @param summary what the route does (summary argument, docstring or doc comment), or ""
 * @param router the object the route is registered on ({@code router}, {@code app}, a controller class)
 * @param prefix the prefix that applies from the router and its mounts, or ""
 * @param contract what the route decorator declares beyond method and path, as written
 * @param enclosing the skeleton of the class a handler method belongs to (header and class-level statements),
 *     shown above the method in the answer; "" for a free-standing handler
 * @param also another endpoint the same code serves (a viewset's detail route), as {@code METHODS path}, or ""
 * @param wiring where a handler registered by reference is routed: the statement as written and its file;
 *     {@link Wiring#NONE} when the handler is registered where it is defined
 */
record Route(String method, String path, String framework, String handler, String summary, String router,
    String prefix, List<Map.Entry<String, String>> contract, String enclosing, String also, Wiring wiring) {
  Route {
    contract = List.copyOf(contract);
  }

  /** A route registered where its handler is defined (decorator, annotation or inline Express handler). */
  Route(String method, String path, String framework, String handler, String summary, String router,
      String prefix, List<Map.Entry<String, String>> contract) {
    this(method, path, framework, handler, summary, router, prefix, contract, "", "", Wiring.NONE);
  }

  /**
   * The statement that routes a handler defined elsewhere ({@code path("users/", views.user_list)},
   * {@code router.register("users", UserViewSet)}, {@code router.post("/x", validate(s), ctrl.x)}).
   *
   * @param file the file of the statement
   * @param line the 1-based line the statement starts on
   * @param statement the statement as written, dedented
   * @param middleware the handlers that run before this one, as written (Express), in order
   */
  record Wiring(String file, int line, String statement, List<String> middleware) {
    static final Wiring NONE = new Wiring("", 0, "", List.of());

    Wiring {
      middleware = List.copyOf(middleware);
    }
  }

  /** The symbol recorded in provenance, e.g. {@code GET /users/{id}}. */
  String symbol() {
    return method + " " + path;
  }
}
