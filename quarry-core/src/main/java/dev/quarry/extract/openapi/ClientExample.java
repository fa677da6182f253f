package dev.quarry.extract.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.extract.ExtractContext;
import dev.quarry.extract.Repository;
import dev.quarry.io.Hashing;
import dev.quarry.model.Example;
import java.util.ArrayList;
import java.util.List;

/** Builds the example of one operation: the user's request and the answer with client code and a test. */
final class ClientExample {
  private ClientExample() {}

  static Example build(Repository repo, ExtractContext ctx, String path, SpecReader.Result spec, OperationModel op,
      ClientLanguage language) {
    List<ClientCall.Arg> args = ClientCall.args(op);
    SampleValues values = new SampleValues(new TypeCollector(
        spec.api().getComponents() == null ? null : spec.api().getComponents().getSchemas(), spec.external()));
    ClientCall.Samples s = ClientCall.samples(op, args, values);
    String client;
    String test;
    String clientFile;
    String testFile;
    if (language == ClientLanguage.PYTHON) {
      client = PythonClientWriter.client(op, args);
      test = PythonClientWriter.test(op, args, s);
      clientFile = PythonClientWriter.MODULE + ".py";
      testFile = "test_" + PythonClientWriter.MODULE + ".py";
    } else {
      client = TypeScriptClientWriter.client(op, args);
      test = TypeScriptClientWriter.test(op, args, s);
      clientFile = "apiClient.ts";
      testFile = "apiClient.test.ts";
    }
    String user = userPrompt(op, language);
    String answer = answer(op, language, client, test, clientFile, testFile);
    Example e = ctx.example(repo, user, answer, language.id(), path, spec.lines().get(op.symbol()), op.symbol(),
        "api-client", List.of("openapi", "client", spec.version().startsWith("swagger") ? "swagger-2" : "openapi-3"));
    ObjectNode meta = e.metaCopy();
    meta.put("spec_version", spec.version());
    if (op.operationId() != null) {
      meta.put("operation_id", op.operationId());
    }
    return e.withMeta(meta);
  }

  private static String userPrompt(OperationModel op, ClientLanguage language) {
    String title = op.apiTitle();
    String api = title.isEmpty() ? "the API"
        : title.toLowerCase(java.util.Locale.ROOT).matches(".*\\bapi\\b.*") ? "the " + title : "the " + title + " API";
    String what = op.summary().isEmpty() ? "" : " (" + stripDot(op.summary()) + ")";
    String id = op.operationId() == null ? "" : " `" + op.operationId() + "`";
    int variant = (int) (Long.parseLong(Hashing.sha256(op.symbol()).substring(0, 8), 16) % 3);
    switch (variant) {
      case 0:
        return "Write a typed " + language.display() + " client call for `" + op.symbol() + "`" + what + " of " + api
            + ". Generate the request and response types from the schemas, handle the documented error responses, and "
            + "include a " + language.testFramework() + " test with a mocked transport.";
      case 1:
        return "I need to call `" + op.symbol() + "`" + what + " from " + language.display()
            + ". Give me a typed function with request/response types taken from the OpenAPI schemas of " + api
            + ", error handling for the documented error statuses, and a " + language.testFramework()
            + " test that mocks the HTTP transport.";
      default:
        return "Implement a " + language.display() + " client function for the" + (id.isEmpty() ? "" : id)
            + " operation `" + op.symbol() + "` of " + api + what.replace(" (", ": ").replace(")", "")
            + ". Use types generated from the spec's schemas, raise a clear error for the documented error "
            + "responses, and add a " + language.testFramework() + " test with a mocked transport.";
    }
  }

  private static String answer(OperationModel op, ClientLanguage language, String client, String test,
      String clientFile, String testFile) {
    String fn = language == ClientLanguage.PYTHON ? Names.snake(op.functionWords()) : Names.camel(op.functionWords());
    List<String> codes = new ArrayList<>();
    for (OperationModel.Reply r : op.errors()) {
      if (r.code() > 0) {
        codes.add(String.valueOf(r.code()));
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append('`').append(fn).append("` calls `").append(op.symbol()).append('`');
    if (!op.summary().isEmpty()) {
      sb.append(" (").append(stripDot(op.summary())).append(')');
    }
    sb.append(". The types mirror the spec's schemas");
    sb.append(codes.isEmpty() ? "; any error status raises `ApiError`"
        : "; the documented error responses (" + String.join(", ", codes) + ") raise `ApiError` with the status, "
            + "the documented reason and the decoded body, and any other error status raises it too");
    sb.append('.');
    if (!op.auth().isEmpty()) {
      sb.append(" The operation needs ").append(op.auth()).append(language == ClientLanguage.PYTHON
          ? ": configure it on the `httpx.Client` you pass in." : ": pass it in `options.headers`.");
    }
    String lang = language.id();
    sb.append("\n\n```").append(lang).append('\n').append(comment(language)).append(' ').append(clientFile).append('\n')
        .append(client.stripTrailing()).append("\n```\n\n");
    sb.append(language == ClientLanguage.PYTHON
        ? "The test replaces the network with `httpx.MockTransport`:"
        : "The test injects a mocked `fetch`, so no network is needed:");
    sb.append("\n\n```").append(lang).append('\n').append(comment(language)).append(' ').append(testFile).append('\n')
        .append(test.stripTrailing()).append("\n```");
    return sb.toString();
  }

  private static String comment(ClientLanguage language) {
    return language == ClientLanguage.PYTHON ? "#" : "//";
  }

  private static String stripDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
