package dev.quarry.extract.routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where routers are mounted ({@code include_router}, {@code register_blueprint}, Express {@code use}) and the
 * prefixes routers declare themselves, so that the full path of a route can be computed across files. Filled
 * in file order by the pre-pass, so the first mount of a router is deterministic.
 */
final class Mounts {
  private static final int MAX_DEPTH = 12;

  private record Mount(RouterRef parent, String prefix) {}

  private final Map<RouterRef, List<Mount>> parents = new HashMap<>();
  private final Map<RouterRef, String> own = new HashMap<>();
  private final Map<RouterRef, RouterRef> aliases = new HashMap<>();

  void mount(RouterRef parent, RouterRef child, String prefix) {
    if (!parent.equals(child)) {
      parents.computeIfAbsent(child, k -> new ArrayList<>()).add(new Mount(parent, prefix));
    }
  }

  /**
   * Records that {@code name} is also known as {@code alias} (a router variable that is its module's default
   * export): when {@code name} is mounted nowhere, the mounts of {@code alias} apply.
   */
  void alias(RouterRef name, RouterRef alias) {
    if (!name.equals(alias)) {
      aliases.putIfAbsent(name, alias);
    }
  }

  void ownPrefix(RouterRef router, String prefix) {
    own.putIfAbsent(router, prefix);
  }

  /** How many places mount {@code router}. */
  int mountCount(RouterRef router) {
    return parents.getOrDefault(router, List.of()).size();
  }

  /** The prefix the mounts above {@code router} add (its own prefix not included). */
  String above(RouterRef router) {
    return above(router, 0);
  }

  private String above(RouterRef router, int depth) {
    List<Mount> ms = parents.get(router);
    if ((ms == null || ms.isEmpty()) && aliases.containsKey(router)) {
      ms = parents.get(aliases.get(router));
    }
    if (ms == null || ms.isEmpty() || depth > MAX_DEPTH) {
      return "";
    }
    Mount m = ms.get(0);
    String parentFull = join(above(m.parent(), depth + 1), own.getOrDefault(m.parent(), ""));
    return join(parentFull, m.prefix());
  }

  /** Joins two path parts with exactly one slash between them; an empty part is left out. */
  static String join(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    boolean as = a.endsWith("/");
    boolean bs = b.startsWith("/");
    if (as && bs) {
      return a + b.substring(1);
    }
    if (!as && !bs) {
      return a + "/" + b;
    }
    return a + b;
  }
}
