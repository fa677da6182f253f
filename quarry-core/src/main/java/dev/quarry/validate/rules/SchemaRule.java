package dev.quarry.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Severity;
import dev.quarry.model.ToolCall;
import dev.quarry.model.ToolDefinitions;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Locations;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * SPEC §1 record rules the reader does not already enforce (it rejects broken JSON, wrong types, bad message
 * order, empty contents and wrong ids before any rule runs). Errors: a category that is not configured (an
 * imported record's {@code uncategorized} is only a warning), a
 * language that is not a known label or {@code text}. Warnings: a source path that is absolute or climbs out
 * of the repository, a commit that is not a hex hash, blank or repeated tags, control characters or U+FFFD
 * (a sign of a broken encoding) in a message. Tool use: a {@code tools} field that is not a list of function
 * definitions, a call of an undeclared function, or call arguments that are not a JSON object are errors.
 */
public final class SchemaRule implements Rule {
  /** Language labels a record may name, besides {@code text}: lower-case, as in fenced code labels. */
  public static final Set<String> LANGUAGES = Set.of("text", "python", "typescript", "tsx", "javascript", "jsx",
      "java", "json", "yaml", "bash", "shell", "sql", "go", "rust", "c", "cpp", "csharp", "kotlin", "ruby", "php",
      "swift", "scala", "html", "css", "markdown", "toml", "dockerfile", "terraform", "hcl", "protobuf", "graphql",
      "xml", "r", "lua", "dart", "elixir", "haskell", "perl", "powershell", "groovy", "make", "ini", "csv");

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

  @Override
  public String id() {
    return "schema";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "SPEC §1 record rules: configured category, known language, sane provenance and text";
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    List<String> categories = ctx.config().categoryNames();
    if (e.category().equals(dev.quarry.io.RecordImport.UNCATEGORIZED) && !categories.contains(e.category())) {
      out.add(Finding.warning(id(), "category \"uncategorized\": no category rule matched this imported record "
          + "(give it a category, or add paths/keywords under categories: in quarry.yaml)", "category"));
    } else if (!categories.contains(e.category())) {
      out.add(Finding.error(id(), "category \"" + e.category() + "\" is not configured (use one of "
          + String.join(", ", categories) + ", or add it under categories: in quarry.yaml)", "category"));
    }
    if (!LANGUAGES.contains(e.language())) {
      String lower = e.language().toLowerCase(Locale.ROOT);
      String fix = LANGUAGES.contains(lower) ? "write it in lower case: \"" + lower + "\""
          : "use a language label such as python, typescript, java, or text";
      out.add(Finding.error(id(), "language \"" + e.language() + "\" is not a known label (" + fix + ")",
          "language"));
    }
    String path = e.source().path();
    if (path.startsWith("/") || path.matches("^[A-Za-z]:[\\\\/].*") || ("/" + path + "/").contains("/../")) {
      out.add(Finding.warning(id(), "source.path \"" + path + "\" is not relative to the repository "
          + "(write the path from the repository root, with / separators)", "source.path"));
    }
    String commit = e.source().commit();
    if (commit != null && !COMMIT.matcher(commit).matches()) {
      out.add(Finding.warning(id(), "source.commit is not a lower-case hex commit hash "
          + "(give the full hash of the repository HEAD, or null)", "source.commit"));
    }
    Set<String> seen = new HashSet<>();
    for (String t : e.tags()) {
      if (t.isBlank() || !seen.add(t)) {
        out.add(Finding.warning(id(), "tag \"" + t + "\" is blank or repeated (remove it)", "tags"));
      }
    }
    for (int i = 0; i < e.messages().size(); i++) {
      controlCharacters(e, i, out);
    }
    toolUse(e, out);
    return out.stream();
  }

  /**
   * Tool use a trainer would learn wrong: a {@code tools} field that is not a list of function definitions, a
   * call of a function the record does not declare (when it declares any), arguments that are not a JSON object.
   */
  private void toolUse(Example e, List<Finding> out) {
    JsonNode tools = e.extra().get(ToolDefinitions.FIELD);
    if (tools != null && !tools.isNull()) {
      boolean ok = tools.isArray();
      for (JsonNode t : ok ? tools : List.<JsonNode>of()) {
        JsonNode f = t.has("function") ? t.get("function") : t;
        ok &= f.isObject() && f.path("name").isTextual() && !f.get("name").asText().isBlank();
      }
      if (!ok) {
        out.add(Finding.error(id(), "tools is not a list of function definitions (write [{\"type\":\"function\","
            + "\"function\":{\"name\":…,\"parameters\":{…}}},…])", "extra.tools"));
      }
    }
    Set<String> declared = ToolDefinitions.names(e);
    for (int i = 0; i < e.messages().size(); i++) {
      List<ToolCall> calls = e.messages().get(i).toolCalls();
      for (int j = 0; j < calls.size(); j++) {
        ToolCall c = calls.get(j);
        String at = Locations.message(e, i) + ".tool_calls[" + j + "]";
        if (declared != null && !declared.contains(c.name())) {
          out.add(Finding.error(id(), "tool call of \"" + c.name() + "\", which the record's tools do not declare"
              + " (declare it, or call one of " + String.join(", ", declared) + ")", at));
        }
        if (!(ToolDefinitions.argumentsNode(c.arguments()).isObject())) {
          out.add(Finding.error(id(), "the arguments of the call of \"" + c.name() + "\" are not a JSON object "
              + "(write them as {\"name\": value, …})", at + ".arguments"));
        }
      }
    }
  }

  private void controlCharacters(Example e, int index, List<Finding> out) {
    Message m = e.messages().get(index);
    String s = m.content();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != '\f';
      if (control || c == 0x7f || c == '\uFFFD') {
        String what = c == '\uFFFD' ? "U+FFFD (a character lost to a broken encoding)"
            : String.format("control character U+%04X", (int) c);
        out.add(Finding.warning(id(), "message contains " + what + " (clean the text at its source)",
            Locations.of(e, index, Locations.lineAt(s, i))));
        return;
      }
    }
  }
}
