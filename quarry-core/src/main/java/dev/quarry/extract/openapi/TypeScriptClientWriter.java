package dev.quarry.extract.openapi;

import java.util.List;
import java.util.StringJoiner;

/**
 * Writes a typed TypeScript client function for one operation ({@code fetch}, request and response types as
 * interfaces) and a vitest suite that exercises it with a mocked {@code fetch}. Stateless.
 */
final class TypeScriptClientWriter {
  /** The module the test imports the client from. */
  static final String MODULE = "./apiClient";

  private TypeScriptClientWriter() {}

  private static final String PRELUDE = """
      export class ApiError extends Error {
        constructor(
          readonly status: number,
          readonly reason: string,
          readonly body: unknown,
        ) {
          super(`${status} ${reason}`);
          this.name = "ApiError";
        }
      }

      export interface ClientOptions {
        baseUrl: string;
        fetch?: (url: string, init?: RequestInit) => Promise<Response>;
        headers?: Record<string, string>;
      }

      async function decode(response: Response): Promise<unknown> {
        const text = await response.text();
        try {
          return JSON.parse(text);
        } catch {
          return text;
        }
      }
      """;

  static String type(TypeRef t) {
    if (t instanceof TypeRef.Prim p) {
      switch (p.kind()) {
        case "integer":
        case "number":
          return "number";
        case "boolean":
          return "boolean";
        case "binary":
          return "Blob";
        default:
          return "string";
      }
    }
    if (t instanceof TypeRef.Named n) {
      return n.name();
    }
    if (t instanceof TypeRef.ListOf l) {
      return "Array<" + type(l.item()) + ">";
    }
    if (t instanceof TypeRef.MapOf m) {
      return "Record<string, " + type(m.value()) + ">";
    }
    if (t instanceof TypeRef.Union u) {
      StringJoiner j = new StringJoiner(" | ");
      u.members().forEach(m -> j.add(type(m)));
      return j.toString();
    }
    if (t instanceof TypeRef.Literals lit) {
      return String.join(" | ", lit.jsonValues());
    }
    if (t instanceof TypeRef.Nullable n) {
      return type(n.inner()) + " | null";
    }
    return "unknown";
  }

  /** The client module. */
  static String client(OperationModel op, List<ClientCall.Arg> args) {
    StringBuilder sb = new StringBuilder();
    for (TypeDecl d : op.declarations()) {
      sb.append(declaration(d)).append('\n');
    }
    sb.append(PRELUDE).append('\n');
    String fn = Names.camel(op.functionWords());
    String paramsType = Names.pascal(op.functionWords()) + "Params";
    List<ClientCall.Arg> params = args.stream().filter(a -> !a.isBody()).toList();
    if (!params.isEmpty()) {
      sb.append("export interface ").append(paramsType).append(" {\n");
      for (ClientCall.Arg a : params) {
        sb.append("  ").append(a.tsName()).append(a.required() ? ": " : "?: ").append(type(a.type())).append(";\n");
      }
      sb.append("}\n\n");
    }
    if (!op.summary().isEmpty()) {
      sb.append("/** ").append(CodeText.doc(op.summary())).append(" (").append(CodeText.doc(op.symbol()))
          .append(")\n *\n * @throws ApiError ").append(CodeText.doc(ClientCall.raisesText(op))).append("\n */\n");
    }
    sb.append("export async function ").append(fn).append("(\n  options: ClientOptions,\n");
    if (!params.isEmpty()) {
      boolean anyRequired = params.stream().anyMatch(ClientCall.Arg::required);
      sb.append("  params: ").append(paramsType).append(anyRequired ? "" : " = {}").append(",\n");
    }
    ClientCall.Arg body = args.stream().filter(ClientCall.Arg::isBody).findFirst().orElse(null);
    if (body != null) {
      sb.append("  body").append(body.required() ? ": " : "?: ").append(bodyType(body)).append(",\n");
    }
    String result = resultType(op);
    sb.append("): Promise<").append(result).append("> {\n");
    sb.append("  const query = new URLSearchParams();\n");
    for (ClientCall.Arg a : params) {
      if (!a.in().equals("query")) {
        continue;
      }
      String ref = "params." + a.tsName();
      if (a.type() instanceof TypeRef.ListOf) {
        sb.append("  for (const value of ").append(ref).append(a.required() ? "" : " ?? []").append(") {\n")
            .append("    query.append(").append(CodeText.quoted(a.wireName())).append(", String(value));\n  }\n");
      } else if (a.required()) {
        sb.append("  query.append(").append(CodeText.quoted(a.wireName())).append(", String(").append(ref).append("));\n");
      } else {
        sb.append("  if (").append(ref).append(" !== undefined) {\n    query.append(")
            .append(CodeText.quoted(a.wireName())).append(", String(").append(ref).append("));\n  }\n");
      }
    }
    sb.append("  const search = query.toString();\n");
    sb.append("  const url = `${options.baseUrl.replace(/\\/+$/, \"\")}").append(pathTemplate(op.path(), args))
        .append("${search ? `?${search}` : \"\"}`;\n");
    sb.append("  const headers: Record<string, string> = { ...options.headers };\n");
    for (ClientCall.Arg a : params) {
      if (a.in().equals("header")) {
        String ref = "params." + a.tsName();
        String set = "headers[" + CodeText.quoted(a.wireName()) + "] = String(" + ref + ");";
        sb.append(a.required() ? "  " + set + "\n" : "  if (" + ref + " !== undefined) {\n    " + set + "\n  }\n");
      }
    }
    sb.append(bodyStatements(body));
    sb.append("  const response = await (options.fetch ?? fetch)(url, { method: ").append(CodeText.quoted(op.method()))
        .append(", headers").append(body == null ? "" : ", body: payload").append(" });\n");
    sb.append("  if (!response.ok) {\n    const documented: Record<number, string> = ").append(documented(op))
        .append(";\n    throw new ApiError(response.status, documented[response.status] ?? ")
        .append(CodeText.quoted(ClientCall.fallbackReason(op))).append(", await decode(response));\n  }\n");
    switch (ClientCall.resultKind(op)) {
      case JSON -> sb.append("  return (await response.json()) as ").append(result).append(";\n");
      case TEXT -> sb.append("  return await response.text();\n");
      case BYTES -> sb.append("  return await response.arrayBuffer();\n");
      default -> { }
    }
    return sb.append("}\n").toString();
  }

  private static String bodyStatements(ClientCall.Arg body) {
    if (body == null) {
      return "";
    }
    String guard = body.required() ? "" : "body === undefined ? undefined : ";
    switch (body.bodyKind()) {
      case JSON:
        return "  headers[\"Content-Type\"] = \"application/json\";\n  const payload = " + guard + "JSON.stringify(body);\n";
      case FORM:
        return "  const payload = " + guard
            + "new URLSearchParams(Object.entries(body).map(([key, value]) => [key, String(value)]));\n";
      case MULTIPART:
        return "  const payload = new FormData();\n  for (const [key, value] of Object.entries(body ?? {})) {\n"
            + "    payload.append(key, value instanceof Blob ? value : String(value));\n  }\n";
      default:
        return "  headers[\"Content-Type\"] = \"application/octet-stream\";\n  const payload = body;\n";
    }
  }

  private static String bodyType(ClientCall.Arg body) {
    return body.bodyKind() == ClientCall.BodyKind.RAW ? "Blob | ArrayBuffer | string" : type(body.type());
  }

  static String resultType(OperationModel op) {
    switch (ClientCall.resultKind(op)) {
      case JSON:
        return type(op.success().type());
      case TEXT:
        return "string";
      case BYTES:
        return "ArrayBuffer";
      default:
        return "void";
    }
  }

  private static String declaration(TypeDecl d) {
    StringBuilder sb = new StringBuilder();
    if (d instanceof TypeDecl.Alias a) {
      if (!a.description().isEmpty()) {
        sb.append("/** ").append(CodeText.doc(a.description())).append(" */\n");
      }
      return sb.append("export type ").append(a.name()).append(" = ").append(type(a.type())).append(";\n").toString();
    }
    TypeDecl.ObjectDecl o = (TypeDecl.ObjectDecl) d;
    if (!o.description().isEmpty()) {
      sb.append("/** ").append(CodeText.doc(o.description())).append(" */\n");
    }
    sb.append("export interface ").append(o.name()).append(" {\n");
    for (TypeDecl.Field f : o.fields()) {
      if (!f.description().isEmpty()) {
        sb.append("  /** ").append(CodeText.doc(f.description())).append(" */\n");
      }
      String key = Names.isTsIdentifier(f.wireName()) ? f.wireName() : CodeText.quoted(f.wireName());
      sb.append("  ").append(key).append(f.required() ? ": " : "?: ").append(type(f.type())).append(";\n");
    }
    return sb.append("}\n").toString();
  }

  private static String pathTemplate(String path, List<ClientCall.Arg> args) {
    StringBuilder sb = new StringBuilder();
    for (ClientCall.Segment s : ClientCall.segments(path)) {
      if (s.param() == null) {
        sb.append(s.text().replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${"));
      } else {
        sb.append("${encodeURIComponent(String(params.").append(ClientCall.pathArg(args, s.param()).tsName())
            .append("))}");
      }
    }
    return sb.toString();
  }

  private static String documented(OperationModel op) {
    StringJoiner j = new StringJoiner(", ", "{ ", " }");
    j.setEmptyValue("{}");
    for (OperationModel.Reply r : op.errors()) {
      if (r.code() > 0) {
        j.add(r.code() + ": " + CodeText.quoted(r.description().isEmpty() ? "HTTP " + r.code() : r.description()));
      }
    }
    return j.toString();
  }

  /** The vitest suite. */
  static String test(OperationModel op, List<ClientCall.Arg> args, ClientCall.Samples samples) {
    String fn = Names.camel(op.functionWords());
    StringBuilder sb = new StringBuilder("import { describe, expect, it, vi } from \"vitest\";\n\nimport { ApiError, ")
        .append(fn).append(" } from \"").append(MODULE).append("\";\n\nconst baseUrl = \"https://api.example.test\";\n\n");
    String call = fn + "(" + callArgs(args, samples) + ")";
    sb.append("describe(\"").append(fn).append("\", () => {\n");
    sb.append("  it(\"sends the request and returns the result\", async () => {\n")
        .append("    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>").append(response(op, samples))
        .append(");\n\n    const result = await ").append(call).append(";\n\n");
    switch (ClientCall.resultKind(op)) {
      case JSON -> sb.append("    expect(result).toEqual(").append(CodeText.typescript(samples.success())).append(");\n");
      case TEXT -> sb.append("    expect(result).toBe(\"ok\");\n");
      case BYTES -> sb.append("    expect(new TextDecoder().decode(result)).toBe(\"data\");\n");
      default -> sb.append("    expect(result).toBeUndefined();\n");
    }
    sb.append("    expect(fetchMock).toHaveBeenCalledTimes(1);\n")
        .append("    const [url, init] = fetchMock.mock.calls[0];\n")
        .append("    expect(new URL(url).pathname).toBe(").append(CodeText.quoted(samples.expandedPath())).append(");\n")
        .append("    expect(init?.method).toBe(").append(CodeText.quoted(op.method())).append(");\n  });\n\n");
    int status = samples.errorStatus();
    sb.append("  it(\"throws ApiError on ").append(status).append("\", async () => {\n")
        .append("    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>\n      new Response(JSON.stringify(")
        .append(CodeText.typescript(samples.error())).append("), { status: ").append(status).append(" }),\n    );\n\n")
        .append("    const call = ").append(call).append(";\n\n")
        .append("    await expect(call).rejects.toBeInstanceOf(ApiError);\n")
        .append("    await expect(call).rejects.toMatchObject({ status: ").append(status).append(" });\n  });\n});\n");
    return sb.toString();
  }

  private static String response(OperationModel op, ClientCall.Samples samples) {
    int code = samples.successStatus();
    switch (ClientCall.resultKind(op)) {
      case JSON:
        return "\n      new Response(JSON.stringify(" + CodeText.typescript(samples.success()) + "), {\n        status: "
            + code + ",\n        headers: { \"Content-Type\": \"application/json\" },\n      }),\n    ";
      case TEXT:
        return " new Response(\"ok\", { status: " + code + " })";
      case BYTES:
        return " new Response(\"data\", { status: " + code + " })";
      default:
        return " new Response(null, { status: " + (code == 200 ? 204 : code) + " })";
    }
  }

  private static String callArgs(List<ClientCall.Arg> args, ClientCall.Samples samples) {
    StringJoiner j = new StringJoiner(", ");
    j.add("{ baseUrl, fetch: fetchMock }");
    StringJoiner params = new StringJoiner(", ", "{ ", " }");
    params.setEmptyValue("{}");
    boolean hasParams = false;
    String body = null;
    for (ClientCall.Arg a : args) {
      if (a.isBody()) {
        if (a.required()) {
          body = a.bodyKind() == ClientCall.BodyKind.RAW ? "\"data\"" : CodeText.typescript(samples.arg(a));
        }
        continue;
      }
      hasParams = true;
      if (a.required()) {
        params.add(a.tsName() + ": " + CodeText.typescript(samples.arg(a)));
      }
    }
    if (hasParams) {
      j.add(params.toString());
    }
    if (body != null) {
      j.add(body);
    }
    return j.toString();
  }
}
