package dev.quarry.extract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language-neutral shape of a client call: its arguments (with a name in each language), how the body is
 * sent, what the result is, and sample values for the generated tests. Stateless.
 */
final class ClientCall {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
  /** Header parameters OpenAPI says to ignore: the client sets these itself. */
  private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

  private ClientCall() {}

  /** How a request body goes on the wire. */
  enum BodyKind { JSON, FORM, MULTIPART, RAW }

  /** What the success response gives back. */
  enum ResultKind { JSON, TEXT, BYTES, NONE }

  /**
   * One argument of the client function.
   *
   * @param wireName name on the wire ({@code body} for the request body)
   * @param in {@code path}, {@code query}, {@code header} or {@code body}
   * @param required whether the caller must give it
   * @param type its type
   * @param schema its schema, may be null
   * @param pythonName the Python parameter name
   * @param tsName the TypeScript property name
   * @param positional whether it is passed positionally (path parameters and a required body)
   * @param bodyKind for the body, how it is sent; null otherwise
   */
  record Arg(String wireName, String in, boolean required, TypeRef type, Schema<?> schema, String pythonName,
      String tsName, boolean positional, BodyKind bodyKind) {
    /** Whether this is the request body. */
    boolean isBody() {
      return "body".equals(in);
    }
  }

  /** A piece of a path template: literal text, or a parameter name. */
  record Segment(String text, String param) {}

  /**
   * Sample values for the generated tests.
   *
   * @param expandedPath the path with the sample path arguments filled in
   * @param successStatus the status the mocked success response has
   * @param success the mocked success body
   * @param errorStatus the status the mocked error response has
   * @param error the mocked error body
   * @param args the sample value of every required argument, by Python name
   */
  record Samples(String expandedPath, int successStatus, JsonNode success, int errorStatus, JsonNode error,
      Map<String, JsonNode> args) {
    /** The sample of {@code a}. */
    JsonNode arg(Arg a) {
      return args.getOrDefault(a.pythonName(), JsonNodeFactory.instance.textNode("value"));
    }
  }

  /** The arguments: path parameters in template order, the body, then query and header parameters. */
  static List<Arg> args(OperationModel op) {
    Set<String> py = new HashSet<>(Set.of("client", "body"));
    Set<String> ts = new HashSet<>();
    List<Arg> out = new ArrayList<>();
    for (Segment s : segments(op.path())) {
      if (s.param() == null) {
        continue;
      }
      OperationModel.Param p = op.params().stream()
          .filter(x -> x.in().equals("path") && x.wireName().equals(s.param())).findFirst()
          .orElse(new OperationModel.Param(s.param(), "path", true, new TypeRef.Prim("string"), null, ""));
      if (out.stream().noneMatch(a -> a.in().equals("path") && a.wireName().equals(p.wireName()))) {
        out.add(new Arg(p.wireName(), "path", true, p.type(), p.schema(), unique(Names.snake(p.wireName()), py),
            unique(Names.camel(p.wireName()), ts), true, null));
      }
    }
    OperationModel.Body b = op.body();
    if (b != null) {
      BodyKind kind = b.json() ? BodyKind.JSON : b.mediaType().startsWith("multipart/") ? BodyKind.MULTIPART
          : b.form() ? BodyKind.FORM : BodyKind.RAW;
      out.add(new Arg("body", "body", b.required(), b.type(), b.schema(), "body", "body", b.required(), kind));
    }
    for (OperationModel.Param p : op.params()) {
      if (p.in().equals("path") || (p.in().equals("header") && IGNORED_HEADERS.contains(p.wireName().toLowerCase(Locale.ROOT)))) {
        continue;
      }
      out.add(new Arg(p.wireName(), p.in(), p.required(), p.type(), p.schema(), unique(Names.snake(p.wireName()), py),
          unique(Names.camel(p.wireName()), ts), false, null));
    }
    return out;
  }

  private static String unique(String name, Set<String> used) {
    String n = name;
    for (int i = 2; !used.add(n); i++) {
      n = name + "_" + i;
    }
    return n;
  }

  /** The path template split into literal text and parameters. */
  static List<Segment> segments(String path) {
    List<Segment> out = new ArrayList<>();
    Matcher m = PATH_PARAM.matcher(path);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        out.add(new Segment(path.substring(last, m.start()), null));
      }
      out.add(new Segment(null, m.group(1)));
      last = m.end();
    }
    if (last < path.length()) {
      out.add(new Segment(path.substring(last), null));
    }
    return out;
  }

  /** The argument for path parameter {@code name}. */
  static Arg pathArg(List<Arg> args, String name) {
    return args.stream().filter(a -> a.in().equals("path") && a.wireName().equals(name)).findFirst()
        .orElseThrow();
  }

  /** What the success response gives back. */
  static ResultKind resultKind(OperationModel op) {
    OperationModel.Reply s = op.success();
    if (s == null || !s.hasBody()) {
      return ResultKind.NONE;
    }
    if (s.json()) {
      return ResultKind.JSON;
    }
    return s.mediaType().startsWith("text/") ? ResultKind.TEXT : ResultKind.BYTES;
  }

  /** The reason used for error statuses the spec does not document. */
  static String fallbackReason(OperationModel op) {
    for (OperationModel.Reply r : op.errors()) {
      if (r.code() < 0 && !r.description().isEmpty()) {
        return r.description();
      }
    }
    return "unexpected error";
  }

  /** When the client raises, in words. */
  static String raisesText(OperationModel op) {
    List<String> parts = new ArrayList<>();
    for (OperationModel.Reply r : op.errors()) {
      if (r.code() > 0) {
        parts.add(r.code() + (r.description().isEmpty() ? "" : " (" + r.description() + ")"));
      }
    }
    if (parts.isEmpty()) {
      return "on any error status, with the reason '" + fallbackReason(op) + "'.";
    }
    return "on " + String.join(", ", parts) + "; on any other error status with the reason '" + fallbackReason(op) + "'.";
  }

  /** Samples for the tests of {@code op}. */
  static Samples samples(OperationModel op, List<Arg> args, SampleValues values) {
    Map<String, JsonNode> argSamples = new LinkedHashMap<>();
    Map<String, String> pathValues = new LinkedHashMap<>();
    for (Arg a : args) {
      if (!a.required()) {
        continue;
      }
      JsonNode v;
      if (a.in().equals("path")) {
        boolean numeric = a.type() instanceof TypeRef.Prim p && (p.kind().equals("integer") || p.kind().equals("number"));
        v = numeric ? JsonNodeFactory.instance.numberNode(1) : JsonNodeFactory.instance.textNode("sample-" + Names.snake(a.wireName()).replace('_', '-'));
        pathValues.put(a.wireName(), v.asText());
      } else {
        v = values.of(a.schema());
      }
      argSamples.put(a.pythonName(), v);
    }
    StringBuilder path = new StringBuilder();
    for (Segment s : segments(op.path())) {
      path.append(s.param() == null ? s.text() : pathValues.get(s.param()));
    }
    OperationModel.Reply ok = op.success();
    int okStatus = ok != null && ok.code() >= 200 && ok.code() < 300 ? ok.code() : 200;
    JsonNode okBody = ok != null && ok.json() ? values.of(ok.schema()) : JsonNodeFactory.instance.nullNode();
    int errStatus = 500;
    JsonNode errBody = null;
    for (OperationModel.Reply r : op.errors()) {
      if (r.code() >= 400 && r.code() < 600) {
        errStatus = r.code();
        errBody = r.json() ? values.of(r.schema()) : null;
        break;
      }
    }
    if (errBody == null) {
      ObjectNode e = JsonNodeFactory.instance.objectNode();
      e.put("detail", "error");
      errBody = e;
    }
    return new Samples(path.toString(), okStatus, okBody, errStatus, errBody, argSamples);
  }
}
