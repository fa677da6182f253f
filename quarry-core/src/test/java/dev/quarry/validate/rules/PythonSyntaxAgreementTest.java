package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares the syntax rule's verdict on Python with CPython's own parser ({@code ast.parse}) on a corpus of
 * valid snippets and mutants of them (deleted characters, colons and lines, broken indentation, Python 2
 * statements, unbalanced brackets, misspelt keywords, emptied blocks). Skipped when python3 is absent.
 */
class PythonSyntaxAgreementTest {
  private static final String CPYTHON = String.join("\n",
      "import ast, json, sys",
      "def dedent(code):",
      "    lines = [l for l in code.split('\\n') if l.strip()]",
      "    common = min((len(l) - len(l.lstrip(' ')) for l in lines), default=0)",
      "    return '\\n'.join('' if not l.strip() else l[common:] for l in code.split('\\n'))",
      "out = []",
      "for code in json.load(sys.stdin):",
      "    try:",
      "        ast.parse(dedent(code).replace('\\f', ' '))",
      "        out.append(True)",
      "    except (SyntaxError, ValueError, RecursionError, MemoryError):",
      "        out.append(False)",
      "print(json.dumps(out))");

  private final RuleHarness h = new RuleHarness(new SyntaxRule());

  @Test
  void agreesWithCpythonOnValidAndMutatedSnippets() throws Exception {
    List<String> base = base();
    List<String> corpus = new ArrayList<>(base);
    Random r = new Random(42);
    for (String b : base) {
      for (int op = 0; op < 9; op++) {
        String m = mutate(b, op, r);
        if (!m.equals(b)) {
          corpus.add(m);
        }
      }
    }
    List<Boolean> reference = cpython(corpus);
    int agree = 0;
    int validCount = 0;
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      boolean ours = h.answer("```python\n" + corpus.get(i) + "```").isEmpty();
      if (reference.get(i)) {
        validCount++;
      }
      if (ours == reference.get(i)) {
        agree++;
      } else {
        disagreements.add((reference.get(i) ? "CPython accepts, we reject:\n" : "CPython rejects, we accept:\n")
            + corpus.get(i));
      }
    }
    double pct = 100.0 * agree / corpus.size();
    System.out.printf("python syntax agreement with CPython: %d/%d = %.1f%% (%d valid, %d invalid)%n", agree,
        corpus.size(), pct, validCount, corpus.size() - validCount);
    disagreements.stream().limit(5).forEach(d -> System.out.println("--- " + d));
    assertThat(corpus.size()).isGreaterThanOrEqualTo(200);
    assertThat(corpus.size() - validCount).isGreaterThanOrEqualTo(100);
    for (int i = 0; i < base.size(); i++) {
      assertThat(h.answer("```python\n" + base.get(i) + "```")).as(base.get(i)).isEmpty();
    }
    assertThat(pct).as(String.join("\n", disagreements)).isGreaterThanOrEqualTo(97.0);
  }

  private static List<String> base() throws IOException {
    try (InputStream in = PythonSyntaxAgreementTest.class.getResourceAsStream("/validate/python-corpus/base.py")) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      for (String s : all.split("# ----\n")) {
        out.add(s.endsWith("\n") ? s : s + "\n");
      }
      return out;
    }
  }

  /** One mutation of {@code code}, chosen by {@code op}. */
  static String mutate(String code, int op, Random r) {
    List<String> lines = new ArrayList<>(List.of(code.split("\n", -1)));
    lines.remove(lines.size() - 1);
    int i = r.nextInt(lines.size());
    String l = lines.get(i);
    String indent = l.substring(0, l.length() - l.stripLeading().length());
    switch (op) {
      case 0: {
        int at = r.nextInt(code.length());
        while (at < code.length() && Character.isWhitespace(code.charAt(at))) {
          at++;
        }
        return at >= code.length() ? code : code.substring(0, at) + code.substring(at + 1);
      }
      case 1:
        for (int k = 0; k < lines.size(); k++) {
          int j = (i + k) % lines.size();
          if (lines.get(j).stripTrailing().endsWith(":")) {
            String s = lines.get(j).stripTrailing();
            lines.set(j, s.substring(0, s.length() - 1));
            break;
          }
        }
        break;
      case 2:
        lines.set(Math.max(1, i) % lines.size(), "  " + lines.get(Math.max(1, i) % lines.size()));
        break;
      case 3:
        lines.set(i, l.startsWith("    ") ? l.substring(2) : l);
        break;
      case 4:
        lines.add(i, indent + "print \"debug\", " + i);
        break;
      case 5:
        lines.remove(i);
        break;
      case 6: {
        int at = Math.max(code.indexOf('('), code.indexOf('['));
        return at < 0 ? code : code.substring(0, at) + code.substring(at + 1);
      }
      case 7:
        lines.add(i, indent + "exec \"x = 1\"");
        break;
      default:
        for (int k = 0; k < lines.size(); k++) {
          int j = (i + k) % lines.size();
          String s = lines.get(j);
          if (s.stripTrailing().endsWith(":") && j + 1 < lines.size()) {
            int depth = s.length() - s.stripLeading().length();
            while (j + 1 < lines.size() && (lines.get(j + 1).isBlank()
                || lines.get(j + 1).length() - lines.get(j + 1).stripLeading().length() > depth)) {
              lines.remove(j + 1);
            }
            break;
          }
        }
        break;
    }
    return String.join("\n", lines) + "\n";
  }

  @Test
  void agreesWithCpythonAtDeepNestingOfBracketsAndBlocks() throws Exception {
    List<String> corpus = new ArrayList<>();
    for (int n : new int[] {99, 100, 101, 199, 200, 201, 400}) {
      corpus.add("x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n");
      corpus.add("x = " + "[".repeat(n) + "]".repeat(n) + "\n");
      corpus.add("x = f" + "(f".repeat(n - 1) + "(1" + ")".repeat(n) + "\n");
      corpus.add("x = {'k': " + "[".repeat(n - 1) + "]".repeat(n - 1) + "}\n");
      StringBuilder blocks = new StringBuilder();
      for (int i = 0; i < n; i++) {
        blocks.append(" ".repeat(i)).append(i % 2 == 0 ? "if x:\n" : "for y in x:\n");
      }
      corpus.add(blocks.append(" ".repeat(n)).append("pass\n").toString());
      // Brackets in strings and comments, and lines continued inside brackets, do not count.
      corpus.add("s = '" + "(".repeat(n) + "'\n# " + "[".repeat(n) + "\nt = \"\"\"" + "{".repeat(n) + "\"\"\"\n");
      StringBuilder continued = new StringBuilder("x = (1,\n");
      for (int i = 1; i < n; i++) {
        continued.append(" ".repeat(i)).append(i).append(",\n");
      }
      corpus.add(continued.append(")\n").toString());
    }
    List<Boolean> reference = cpython(corpus);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      boolean ours = h.answer("```python\n" + corpus.get(i) + "```").isEmpty();
      if (ours != reference.get(i)) {
        String c = corpus.get(i);
        disagreements.add((reference.get(i) ? "CPython accepts, we reject: " : "CPython rejects, we accept: ")
            + c.substring(0, Math.min(60, c.length())).replace("\n", "\\n") + " (" + c.length() + " chars)");
      }
    }
    assertThat(reference).contains(true, false);
    assertThat(disagreements).isEmpty();
  }

  private static List<Boolean> cpython(List<String> corpus) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", CPYTHON).redirectErrorStream(false).start();
    } catch (IOException e) {
      Assumptions.abort("python3 is not available: " + e.getMessage());
      return List.of();
    }
    try (OutputStream o = p.getOutputStream()) {
      o.write(Json.mapper().writeValueAsBytes(corpus));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    JsonNode arr = Json.mapper().readTree(out);
    List<Boolean> verdicts = new ArrayList<>();
    arr.forEach(n -> verdicts.add(n.asBoolean()));
    return verdicts;
  }
}
