package dev.quarry.extract.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@link OperationModel}s from a parsed spec. Stateless. */
final class OperationModels {
  private OperationModels() {}

  /** The model of {@code op}, registered at {@code path} with {@code method} (upper case). */
  static OperationModel of(OpenAPI api, String path, PathItem item, String method, Operation op,
      ExternalSchemas external) {
    Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
    TypeCollector types = new TypeCollector(schemas, external);
    String base = Names.pascal(op.getOperationId() != null ? op.getOperationId() : method + " " + path);
    List<OperationModel.Param> params = params(api, item, op, types, base);
    OperationModel.Body body = body(api, op, types, base);
    OperationModel.Reply success = null;
    List<OperationModel.Reply> errors = new ArrayList<>();
    if (op.getResponses() != null) {
      Map<String, ApiResponse> sorted = new TreeMap<>(op.getResponses());
      for (Map.Entry<String, ApiResponse> r : sorted.entrySet()) {
        String status = r.getKey();
        boolean ok = status.startsWith("2");
        if (ok && success != null) {
          continue;
        }
        String suffix = ok ? "Response" : "Error" + Names.pascal(status);
        OperationModel.Reply reply = reply(api, status, r.getValue(), types, base + suffix);
        if (ok) {
          success = reply;
        } else if (!status.startsWith("1") && !status.startsWith("3")) {
          errors.add(reply);
        }
      }
    }
    if (success == null) {
      // "default" documents the only outcome when no 2xx response is given.
      for (int i = 0; i < errors.size(); i++) {
        if (errors.get(i).status().equals("default")) {
          success = errors.remove(i);
          break;
        }
      }
    }
    String summary = op.getSummary() != null && !op.getSummary().isBlank() ? TypeCollector.oneLine(op.getSummary())
        : firstSentence(op.getDescription());
    String title = api.getInfo() == null || api.getInfo().getTitle() == null ? "" : api.getInfo().getTitle().strip();
    String server = api.getServers() == null || api.getServers().isEmpty() || api.getServers().get(0).getUrl() == null
        ? "" : api.getServers().get(0).getUrl();
    return new OperationModel(method, path, op.getOperationId(), summary, title, server, params, body, success,
        errors, types.declarations(), auth(api, op));
  }

  private static List<OperationModel.Param> params(OpenAPI api, PathItem item, Operation op, TypeCollector types,
      String base) {
    Map<String, Parameter> merged = new LinkedHashMap<>();
    for (List<Parameter> list : java.util.Arrays.asList(item.getParameters(), op.getParameters())) {
      if (list == null) {
        continue;
      }
      for (Parameter p : list) {
        Parameter r = resolve(api, p);
        if (r != null && r.getName() != null && r.getIn() != null) {
          merged.put(r.getIn() + ":" + r.getName(), r);
        }
      }
    }
    List<OperationModel.Param> out = new ArrayList<>();
    for (String in : List.of("path", "query", "header")) {
      for (Parameter p : merged.values()) {
        if (!in.equals(p.getIn())) {
          continue;
        }
        Schema<?> schema = p.getSchema();
        if (schema == null && p.getContent() != null) {
          MediaType mt = pick(p.getContent());
          schema = mt == null ? null : mt.getSchema();
        }
        TypeRef t = types.typeOf(schema, base + Names.pascal(p.getName()));
        boolean required = "path".equals(in) || Boolean.TRUE.equals(p.getRequired());
        out.add(new OperationModel.Param(p.getName(), in, required, t, schema, TypeCollector.oneLine(p.getDescription())));
      }
    }
    return out;
  }

  private static Parameter resolve(OpenAPI api, Parameter p) {
    Parameter cur = p;
    for (int i = 0; i < 8 && cur != null && cur.get$ref() != null; i++) {
      String ref = cur.get$ref();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      cur = api.getComponents() == null || api.getComponents().getParameters() == null ? null
          : api.getComponents().getParameters().get(name);
    }
    return cur;
  }

  private static OperationModel.Body body(OpenAPI api, Operation op, TypeCollector types, String base) {
    RequestBody rb = op.getRequestBody();
    for (int i = 0; i < 8 && rb != null && rb.get$ref() != null; i++) {
      String ref = rb.get$ref();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      rb = api.getComponents() == null || api.getComponents().getRequestBodies() == null ? null
          : api.getComponents().getRequestBodies().get(name);
    }
    if (rb == null || rb.getContent() == null || rb.getContent().isEmpty()) {
      return null;
    }
    String mediaType = pickKey(rb.getContent());
    Schema<?> schema = rb.getContent().get(mediaType).getSchema();
    return new OperationModel.Body(mediaType, types.typeOf(schema, base + "Request"), schema,
        Boolean.TRUE.equals(rb.getRequired()));
  }

  private static OperationModel.Reply reply(OpenAPI api, String status, ApiResponse r, TypeCollector types,
      String hint) {
    ApiResponse cur = r;
    for (int i = 0; i < 8 && cur != null && cur.get$ref() != null; i++) {
      String ref = cur.get$ref();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      cur = api.getComponents() == null || api.getComponents().getResponses() == null ? null
          : api.getComponents().getResponses().get(name);
    }
    if (cur == null || cur.getContent() == null || cur.getContent().isEmpty()) {
      return new OperationModel.Reply(status, cur == null ? "" : TypeCollector.oneLine(cur.getDescription()), null,
          TypeRef.ANY, null);
    }
    String mediaType = pickKey(cur.getContent());
    Schema<?> schema = cur.getContent().get(mediaType).getSchema();
    return new OperationModel.Reply(status, TypeCollector.oneLine(cur.getDescription()), mediaType,
        types.typeOf(schema, hint), schema);
  }

  private static MediaType pick(Content content) {
    String k = pickKey(content);
    return k == null ? null : content.get(k);
  }

  /** application/json, else any JSON media type, else the first one. */
  private static String pickKey(Content content) {
    if (content.containsKey("application/json")) {
      return "application/json";
    }
    for (String k : content.keySet()) {
      if (k.contains("json")) {
        return k;
      }
    }
    return content.keySet().iterator().next();
  }

  private static String auth(OpenAPI api, Operation op) {
    List<SecurityRequirement> reqs = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
    if (reqs == null || reqs.isEmpty() || api.getComponents() == null || api.getComponents().getSecuritySchemes() == null) {
      return "";
    }
    for (SecurityRequirement req : reqs) {
      for (String name : req.keySet()) {
        SecurityScheme s = api.getComponents().getSecuritySchemes().get(name);
        if (s == null || s.getType() == null) {
          continue;
        }
        switch (s.getType()) {
          case HTTP:
            return "bearer".equalsIgnoreCase(s.getScheme()) ? "a bearer token in the Authorization header"
                : "HTTP " + s.getScheme() + " authentication";
          case APIKEY:
            return "an API key in the " + s.getName() + " " + s.getIn();
          case OAUTH2:
          case OPENIDCONNECT:
            return "an OAuth 2 access token in the Authorization header";
          default:
            return "";
        }
      }
    }
    return "";
  }

  private static String firstSentence(String description) {
    String s = TypeCollector.oneLine(description);
    int dot = s.indexOf(". ");
    return dot > 0 ? s.substring(0, dot + 1) : s;
  }
}
