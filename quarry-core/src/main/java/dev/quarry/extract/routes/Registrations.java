package dev.quarry.extract.routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Handlers registered by reference rather than where they are defined: Django {@code urlpatterns} entries and
 * DRF router registrations, FastAPI {@code add_api_route}, Flask {@code add_url_rule}, Express routes whose
 * handler is a name. Filled by the pre-pass in file order, read when the file defining the handler is mined, so
 * the example sits on the handler's code and says where it is routed.
 */
final class Registrations {
  /** How a registration maps HTTP methods onto the handler. */
  enum Kind {
    /** A view: a function, or a class whose handler methods are named after HTTP methods. */
    VIEW,
    /** A DRF viewset on a router: list and detail routes, {@code @action} extras. */
    VIEWSET,
    /** A handler with its methods fixed by the registration. */
    HANDLER
  }

  /**
   * One registration.
   *
   * @param owner the urlpatterns list or router it is registered on, whose mounts give the prefix
   * @param alias another name of the owner whose mounts count when the owner has none (an Express router that
   *     is its module's default export); the owner itself when there is none
   * @param pattern the path as written on the registration (Django regexes without {@code ^} and {@code $})
   * @param framework the framework id of the resulting routes
   * @param kind how methods are found
   * @param methods the HTTP methods the registration fixes (HANDLER), else empty
   * @param actions for {@code as_view({"get": "list"})}, HTTP method (lower case) to viewset action; else empty
   * @param wiring the registering statement
   * @param scopes where the registration looks its handler's name up, innermost first: the start bytes of the
   *     functions and classes around it in its file, then {@link #MODULE}; only {@link #MODULE} for a name
   *     imported from another file
   */
  record Registration(RouterRef owner, RouterRef alias, String pattern, String framework, Kind kind,
      List<String> methods, Map<String, String> actions, Route.Wiring wiring, List<Integer> scopes) {
    Registration {
      methods = List.copyOf(methods);
      actions = Map.copyOf(actions);
      scopes = List.copyOf(scopes);
    }
  }

  /** The scope of a module's top level. */
  static final int MODULE = -1;

  private final Map<RouterRef, List<Registration>> byTarget = new HashMap<>();
  private final Set<String> files = new HashSet<>();
  private final Set<String> claimed = new HashSet<>();

  void add(RouterRef target, Registration r) {
    byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(r);
    files.add(target.path());
  }

  /** Records that the route registered at {@code byte} of {@code file} is mined at its handler's definition. */
  void claim(String file, int offset) {
    claimed.add(file + "#" + offset);
  }

  /** Whether the route registered at {@code offset} of {@code file} is mined at its handler's definition. */
  boolean claimed(String file, int offset) {
    return claimed.contains(file + "#" + offset);
  }

  /** The registrations of the definition {@code target}, in the order they were found. */
  List<Registration> of(RouterRef target) {
    return byTarget.getOrDefault(target, List.of());
  }

  /** Whether any handler of {@code file} is registered. */
  boolean anyIn(String file) {
    return files.contains(file);
  }
}
