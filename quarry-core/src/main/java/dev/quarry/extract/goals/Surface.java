package dev.quarry.extract.goals;

import java.util.List;
import java.util.Objects;

/**
 * Where an operation can be reached from: a route handler, an SDK method, a hook or an MCP tool, with the facts
 * found at its definition. Immutable.
 *
 * @param kind what it is
 * @param name its name ({@code search_vectors}, {@code AcmeClient.searchVectors}, {@code useVectorSearch})
 * @param path the file it is defined in
 * @param line its definition line, 1-based
 * @param params its parameters as written ({@code collectionId: string}), required ones only
 * @param details kind-specific facts: a handler's scope, a hook's result fields and actions, a tool's
 *     required arguments, a package name (see {@link ApiMap})
 */
public record Surface(Kind kind, String name, String path, int line, List<String> params, List<String> details) {
  /** The kinds of surface. */
  public enum Kind { HANDLER, SDK_METHOD, HOOK, TOOL }

  /** Copies the lists. */
  public Surface {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
    details = List.copyOf(details);
  }

  /** The detail starting with {@code prefix + "="}, without the prefix, or "". */
  public String detail(String prefix) {
    for (String d : details) {
      if (d.startsWith(prefix + "=")) {
        return d.substring(prefix.length() + 1);
      }
    }
    return "";
  }

  /** The name part of a {@code name@path:line} detail ({@code client-hook}, {@code provider}), or "". */
  public String detailName(String prefix) {
    String d = detail(prefix);
    return d.contains("@") ? d.substring(0, d.indexOf('@')) : d;
  }

  /** Every detail starting with {@code prefix + "="}, without the prefix. */
  public List<String> detailsOf(String prefix) {
    return details.stream().filter(d -> d.startsWith(prefix + "=")).map(d -> d.substring(prefix.length() + 1))
        .toList();
  }
}
