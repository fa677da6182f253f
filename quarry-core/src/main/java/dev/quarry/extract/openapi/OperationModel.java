package dev.quarry.extract.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;

/**
 * One operation of a spec, reduced to what a client call needs, with its types resolved to {@link TypeRef}s.
 *
 * @param method upper-case HTTP method
 * @param path the path template, e.g. {@code /v1/collections/{id}}
 * @param operationId the operationId, or null
 * @param summary one-line summary (summary, else first sentence of the description), may be empty
 * @param apiTitle the spec's {@code info.title}, may be empty
 * @param serverUrl the first server URL, may be empty
 * @param params parameters (path, query, header), path-level and operation-level merged
 * @param body the request body, or null
 * @param success the success response (lowest 2xx), or null when none is documented
 * @param errors documented error responses (4xx, 5xx, default), by status
 * @param declarations the types the operation needs, in first-use order
 * @param auth a short note on the security scheme, may be empty
 */
record OperationModel(String method, String path, String operationId, String summary, String apiTitle,
    String serverUrl, List<Param> params, Body body, Reply success, List<Reply> errors,
    List<TypeDecl> declarations, String auth) {

  /** Copies lists. */
  OperationModel {
    params = List.copyOf(params);
    errors = List.copyOf(errors);
    declarations = List.copyOf(declarations);
  }

  /** {@code "POST /v1/vectors"}. */
  String symbol() {
    return method + " " + path;
  }

  /** The words the client function is named from: the operationId, else the method and path. */
  String functionWords() {
    if (operationId != null && !Names.words(operationId).isEmpty()) {
      return operationId;
    }
    return method.toLowerCase(java.util.Locale.ROOT) + " " + path.replaceAll("\\{([^}]*)}", "by $1");
  }

  /**
   * A parameter.
   *
   * @param wireName the name on the wire
   * @param in {@code path}, {@code query} or {@code header}
   * @param required whether it is required (path parameters always are)
   * @param type its type
   * @param schema its schema, for sample values; may be null
   * @param description one-line description, may be empty
   */
  record Param(String wireName, String in, boolean required, TypeRef type, Schema<?> schema, String description) {}

  /**
   * A request body.
   *
   * @param mediaType the media type used
   * @param type its type
   * @param schema its schema, may be null
   * @param required whether it is required
   */
  record Body(String mediaType, TypeRef type, Schema<?> schema, boolean required) {
    /** Whether it is sent as JSON. */
    boolean json() {
      return mediaType.contains("json");
    }

    /** Whether it is sent as a form (urlencoded or multipart). */
    boolean form() {
      return mediaType.startsWith("application/x-www-form-urlencoded") || mediaType.startsWith("multipart/");
    }
  }

  /**
   * A documented response.
   *
   * @param status status code or {@code default}
   * @param description one-line description, may be empty
   * @param mediaType the media type, or null when it has no body
   * @param type its body type ({@link TypeRef#ANY} without a schema)
   * @param schema its schema, may be null
   */
  record Reply(String status, String description, String mediaType, TypeRef type, Schema<?> schema) {
    /** Whether the body is JSON. */
    boolean json() {
      return mediaType != null && mediaType.contains("json");
    }

    /** Whether there is a body at all. */
    boolean hasBody() {
      return mediaType != null;
    }

    /** The status as a number, or -1 for {@code default} and ranges like {@code 4XX}. */
    int code() {
      try {
        return Integer.parseInt(status);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }
}
