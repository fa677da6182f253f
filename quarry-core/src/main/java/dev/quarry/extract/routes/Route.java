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
 */
record Route(String method, String path, String framework, String handler, String summary, String router,
    String prefix, List<Map.Entry<String, String>> contract) {
  Route {
    contract = List.copyOf(contract);
  }

  /** The symbol recorded in provenance, e.g. {@code GET /users/{id}}. */
  String symbol() {
    return method + " " + path;
  }
}
