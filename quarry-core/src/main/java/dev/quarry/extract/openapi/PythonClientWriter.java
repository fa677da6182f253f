package dev.quarry.extract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes a typed Python client function for one operation ({@code httpx}, request and response types as
 * {@code TypedDict}s) and a pytest module that exercises it through {@code httpx.MockTransport}. Stateless.
 */
final class PythonClientWriter {
  /** The module name the test imports the client from. */
  static final String MODULE = "api_client";

  private PythonClientWriter() {}

  /** The client module. */
  static String client(OperationModel op, List<ClientCall.Arg> args) {
    StringBuilder body = new StringBuilder();
    for (TypeDecl d : op.declarations()) {
      body.append(declaration(d)).append("\n\n");
    }
    body.append(ERROR_CLASS).append("\n\n");
    body.append(function(op, args));
    String code = body.toString();
    List<String> typing = new ArrayList<>();
    for (String name : List.of("Any", "Literal", "NotRequired", "TypeAlias", "TypedDict", "cast")) {
      if (CodeText.usesWord(code, name)) {
        typing.add(name);
      }
    }
    StringBuilder out = new StringBuilder("from __future__ import annotations\n\n");
    if (!typing.isEmpty()) {
      out.append("from typing import ").append(String.join(", ", typing)).append('\n');
    }
    if (code.contains("quote(")) {
      out.append("from urllib.parse import quote\n");
    }
    out.append("\nimport httpx\n\n\n").append(code);
    return out.toString();
  }

  private static final String ERROR_CLASS = """
      class ApiError(Exception):
          \"""An error response of the API: its status code, the documented reason and the decoded body.\"""

          def __init__(self, status_code: int, reason: str, body: Any) -> None:
              super().__init__(f"{status_code} {reason}")
              self.status_code = status_code
              self.reason = reason
              self.body = body


      def _decode(response: httpx.Response) -> Any:
          try:
              return response.json()
          except ValueError:
              return response.text


      def _raise_for_error(response: httpx.Response, documented: dict[int, str], fallback: str) -> None:
          if response.status_code in documented:
              raise ApiError(response.status_code, documented[response.status_code], _decode(response))
          if response.is_error:
              raise ApiError(response.status_code, fallback, _decode(response))
      """;

  static String type(TypeRef t) {
    if (t instanceof TypeRef.Prim p) {
      switch (p.kind()) {
        case "integer":
          return "int";
        case "number":
          return "float";
        case "boolean":
          return "bool";
        case "binary":
          return "bytes";
        default:
          return "str";
      }
    }
    if (t instanceof TypeRef.Named n) {
      return n.name();
    }
    if (t instanceof TypeRef.ListOf l) {
      return "list[" + type(l.item()) + "]";
    }
    if (t instanceof TypeRef.MapOf m) {
      return "dict[str, " + type(m.value()) + "]";
    }
    if (t instanceof TypeRef.Union u) {
      StringJoiner j = new StringJoiner(" | ");
      u.members().forEach(m -> j.add(type(m)));
      return j.toString();
    }
    if (t instanceof TypeRef.Literals lit) {
      StringJoiner j = new StringJoiner(", ", "Literal[", "]");
      for (String v : lit.jsonValues()) {
        j.add(v.equals("true") ? "True" : v.equals("false") ? "False" : v.equals("null") ? "None" : v);
      }
      return j.toString();
    }
    if (t instanceof TypeRef.Nullable n) {
      return type(n.inner()) + " | None";
    }
    return "Any";
  }

  private static String declaration(TypeDecl d) {
    if (d instanceof TypeDecl.Alias a) {
      String doc = a.description().isEmpty() ? "" : "# " + CodeText.doc(a.description()) + "\n";
      return doc + a.name() + ": TypeAlias = " + CodeText.quoted(type(a.type())) + "\n";
    }
    TypeDecl.ObjectDecl o = (TypeDecl.ObjectDecl) d;
    boolean identifiers = o.fields().stream().allMatch(f -> Names.isPythonIdentifier(f.wireName()));
    StringBuilder sb = new StringBuilder();
    if (!identifiers) {
      if (!o.description().isEmpty()) {
        sb.append("# ").append(CodeText.doc(o.description())).append('\n');
      }
      sb.append(o.name()).append(" = TypedDict(\n    ").append(CodeText.quoted(o.name())).append(",\n    {\n");
      for (TypeDecl.Field f : o.fields()) {
        sb.append("        ").append(CodeText.quoted(f.wireName())).append(": ")
            .append(CodeText.quoted(fieldType(f))).append(",\n");
      }
      return sb.append("    },\n)\n").toString();
    }
    sb.append("class ").append(o.name()).append("(TypedDict):\n");
    if (!o.description().isEmpty()) {
      sb.append("    \"\"\"").append(CodeText.doc(o.description())).append("\"\"\"\n");
      if (!o.fields().isEmpty()) {
        sb.append('\n');
      }
    } else if (o.fields().isEmpty()) {
      sb.append("    pass\n");
    }
    for (TypeDecl.Field f : o.fields()) {
      sb.append("    ").append(f.wireName()).append(": ").append(fieldType(f));
      if (!f.description().isEmpty()) {
        sb.append("  # ").append(CodeText.doc(f.description()).replace('\n', ' '));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String fieldType(TypeDecl.Field f) {
    return f.required() ? type(f.type()) : "NotRequired[" + type(f.type()) + "]";
  }

  private static String function(OperationModel op, List<ClientCall.Arg> args) {
    String name = Names.snake(op.functionWords());
    StringBuilder sb = new StringBuilder("def ").append(name).append("(\n    client: httpx.Client,\n");
    boolean star = false;
    for (ClientCall.Arg a : args) {
      if (!a.positional() && !star) {
        sb.append("    *,\n");
        star = true;
      }
      sb.append("    ").append(a.pythonName()).append(": ").append(argType(a));
      sb.append(a.required() ? "" : " = None").append(",\n");
    }
    String returns = returnType(op);
    sb.append(") -> ").append(returns).append(":\n");
    sb.append("    \"\"\"").append(CodeText.doc(op.summary().isEmpty() ? "Call " + op.symbol() + "." : op.summary()))
        .append(op.summary().isEmpty() ? "\n" : "\n\n    " + CodeText.doc(op.symbol()) + "\n");
    sb.append("\n    Raises:\n        ApiError: ").append(CodeText.doc(ClientCall.raisesText(op))).append("\n    \"\"\"\n");
    sb.append("    response = client.request(\n        ").append(CodeText.quoted(op.method())).append(",\n        ")
        .append(pathExpression(op.path(), args)).append(",\n");
    Map<String, String> query = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    for (ClientCall.Arg a : args) {
      if ("query".equals(a.in())) {
        query.put(a.wireName(), a.pythonName());
      } else if ("header".equals(a.in())) {
        headers.put(a.wireName(), a.pythonName());
      }
    }
    if (!query.isEmpty()) {
      sb.append("        params=").append(mapping(query, args, false)).append(",\n");
    }
    if (op.body() != null && !op.body().json() && !op.body().form()) {
      headers.put("Content-Type", null);
    }
    if (!headers.isEmpty()) {
      sb.append("        headers=").append(mapping(headers, args, true)).append(",\n");
    }
    if (op.body() != null) {
      String kw = op.body().json() ? "json" : op.body().mediaType().startsWith("multipart/") ? "files"
          : op.body().form() ? "data" : "content";
      sb.append("        ").append(kw).append("=body,\n");
    }
    sb.append("    )\n");
    sb.append("    _raise_for_error(response, ").append(documented(op)).append(", ")
        .append(CodeText.quoted(ClientCall.fallbackReason(op))).append(")\n");
    switch (ClientCall.resultKind(op)) {
      case JSON -> sb.append(returns.equals("Any") ? "    return response.json()\n"
          : "    return cast(" + CodeText.quoted(returns) + ", response.json())\n");
      case TEXT -> sb.append("    return response.text\n");
      case BYTES -> sb.append("    return response.content\n");
      case NONE -> { }
      default -> throw new IllegalStateException();
    }
    return sb.toString();
  }

  private static String argType(ClientCall.Arg a) {
    String t = a.isBody() ? bodyType(a) : type(a.type());
    return a.required() ? t : t + " | None";
  }

  private static String bodyType(ClientCall.Arg a) {
    TypeRef t = a.type();
    return a.bodyKind() == ClientCall.BodyKind.RAW ? "bytes" : type(t);
  }

  static String returnType(OperationModel op) {
    switch (ClientCall.resultKind(op)) {
      case JSON:
        return type(op.success().type());
      case TEXT:
        return "str";
      case BYTES:
        return "bytes";
      default:
        return "None";
    }
  }

  private static String mapping(Map<String, String> m, List<ClientCall.Arg> args, boolean stringify) {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    boolean optional = stringify;
    for (Map.Entry<String, String> e : m.entrySet()) {
      if (e.getValue() == null) {
        j.add(CodeText.quoted(e.getKey()) + ": " + "\"application/octet-stream\"");
        continue;
      }
      j.add(CodeText.quoted(e.getKey()) + ": " + e.getValue());
      optional |= args.stream().anyMatch(a -> a.pythonName().equals(e.getValue()) && !a.required());
    }
    return optional ? "{k: " + (stringify ? "str(v)" : "v") + " for k, v in " + j + ".items() if v is not None}"
        : j.toString();
  }

  private static String pathExpression(String path, List<ClientCall.Arg> args) {
    StringBuilder sb = new StringBuilder();
    boolean any = false;
    for (ClientCall.Segment s : ClientCall.segments(path)) {
      if (s.param() == null) {
        sb.append(s.text().replace("\\", "\\\\").replace("\"", "\\\"").replace("{", "{{").replace("}", "}}"));
      } else {
        ClientCall.Arg a = ClientCall.pathArg(args, s.param());
        sb.append("{quote(str(").append(a.pythonName()).append("), safe='')}");
        any = true;
      }
    }
    return (any ? "f\"" : "\"") + (any ? sb : sb.toString().replace("{{", "{").replace("}}", "}")) + "\"";
  }

  private static String documented(OperationModel op) {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    for (OperationModel.Reply r : op.errors()) {
      if (r.code() > 0) {
        j.add(r.code() + ": " + CodeText.quoted(r.description().isEmpty() ? "HTTP " + r.code() : r.description()));
      }
    }
    return j.toString();
  }

  /** The pytest module. */
  static String test(OperationModel op, List<ClientCall.Arg> args, ClientCall.Samples samples) {
    String fn = Names.snake(op.functionWords());
    StringBuilder sb = new StringBuilder("from __future__ import annotations\n\nfrom collections.abc import Callable\n\n"
        + "import httpx\nimport pytest\n\nfrom " + MODULE + " import ApiError, " + fn + "\n\n\n");
    sb.append("def _client(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:\n")
        .append("    return httpx.Client(base_url=\"https://api.example.test\", transport=httpx.MockTransport(handler))\n\n\n");
    String call = fn + "(" + callArgs(args, samples) + ")";
    sb.append("def test_").append(fn).append("_sends_the_request_and_returns_the_result() -> None:\n")
        .append("    def handler(request: httpx.Request) -> httpx.Response:\n")
        .append("        assert request.method == ").append(CodeText.quoted(op.method())).append('\n')
        .append("        assert request.url.path == ").append(CodeText.quoted(samples.expandedPath())).append('\n')
        .append("        return ").append(response(op, samples)).append("\n\n")
        .append("    with _client(handler) as client:\n        result = ").append(call).append("\n\n");
    switch (ClientCall.resultKind(op)) {
      case JSON -> sb.append("    assert result == ").append(CodeText.python(samples.success())).append('\n');
      case TEXT -> sb.append("    assert result == \"ok\"\n");
      case BYTES -> sb.append("    assert result == b\"data\"\n");
      default -> sb.append("    assert result is None\n");
    }
    int status = samples.errorStatus();
    sb.append("\n\ndef test_").append(fn).append("_raises_api_error_on_").append(status).append("() -> None:\n")
        .append("    def handler(request: httpx.Request) -> httpx.Response:\n")
        .append("        return httpx.Response(").append(status).append(", json=")
        .append(CodeText.python(samples.error())).append(")\n\n")
        .append("    with _client(handler) as client, pytest.raises(ApiError) as excinfo:\n        ")
        .append(call).append("\n\n")
        .append("    assert excinfo.value.status_code == ").append(status).append('\n');
    return sb.toString();
  }

  private static String response(OperationModel op, ClientCall.Samples samples) {
    int code = samples.successStatus();
    switch (ClientCall.resultKind(op)) {
      case JSON:
        return "httpx.Response(" + code + ", json=" + CodeText.python(samples.success()) + ")";
      case TEXT:
        return "httpx.Response(" + code + ", text=\"ok\")";
      case BYTES:
        return "httpx.Response(" + code + ", content=b\"data\")";
      default:
        return "httpx.Response(" + code + ")";
    }
  }

  private static String callArgs(List<ClientCall.Arg> args, ClientCall.Samples samples) {
    StringJoiner j = new StringJoiner(", ");
    j.add("client");
    for (ClientCall.Arg a : args) {
      if (!a.required()) {
        continue;
      }
      String v = a.isBody() && a.bodyKind() == ClientCall.BodyKind.RAW ? "b\"data\"" : CodeText.python(samples.arg(a));
      j.add(a.positional() ? v : a.pythonName() + "=" + v);
    }
    return j.toString();
  }
}
