package dev.quarry.extract.goals;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation of an OpenAPI spec. Immutable.
 *
 * @param method the HTTP method, upper case
 * @param path the path template, e.g. {@code /v1/collections/{collection_id}}
 * @param operationId the operation id
 * @param summary the summary, or ""
 * @param isPublic whether the operation overrides security with an empty list (no key needed)
 * @param responses status code to description, in spec order
 * @param spec the spec file
 * @param line the line of the operation id in the spec, 1-based
 * @param server the spec's local development server URL (one on localhost, else the first), or ""
 */
public record Operation(String method, String path, String operationId, String summary, boolean isPublic,
    Map<String, String> responses, String spec, int line, String server) {
  /** Copies the map, keeping its order. */
  public Operation {
    Objects.requireNonNull(operationId, "operationId");
    responses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(responses));
  }

  /** The error status codes (4xx and 5xx), in spec order. */
  public List<String> errorCodes() {
    return responses.keySet().stream().filter(c -> c.startsWith("4") || c.startsWith("5")).toList();
  }

  /** {@code METHOD path}. */
  public String route() {
    return method + " " + path;
  }
}
