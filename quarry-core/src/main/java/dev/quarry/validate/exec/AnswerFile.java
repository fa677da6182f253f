package dev.quarry.validate.exec;

import dev.quarry.syntax.Grammar;
import dev.quarry.validate.CodeBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of an answer, as written into a workspace: the name the block gives itself on its first line
 * ({@code # api_client.py}, {@code // useChat.ts}), else a numbered name ({@code answer_1.py}, or
 * {@code test_answer_1.py} for a block that holds tests).
 *
 * @param name a plain file name (no folder, no {@code ..})
 * @param code the block's code
 * @param grammar its language
 * @param test whether it holds tests
 * @param block the block it came from
 */
public record AnswerFile(String name, String code, Grammar grammar, boolean test, CodeBlock block) {
  private static final Pattern NAMED = Pattern.compile("\\A\\s*(?:#|//)\\s*([\\w./-]+\\.(?:py|ts|tsx|js|mjs|jsx))\\s*\\n");
  private static final Pattern PY_TEST = Pattern.compile("(?m)^\\s*(?:async\\s+)?def\\s+test_?\\w*\\s*\\(|^class\\s+Test\\w*");
  private static final Pattern JS_TEST = Pattern.compile("(?m)^\\s*(?:describe|it|test)(?:\\.\\w+)?\\s*\\(");

  /** The files of {@code blocks} in {@code family} (one grammar family: Python, or the JS/TS grammars). */
  public static List<AnswerFile> of(List<CodeBlock> blocks, Set<Grammar> family) {
    List<AnswerFile> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int n = 0;
    for (CodeBlock b : blocks) {
      if (b.grammar().isEmpty() || !family.contains(b.grammar().get()) || b.code().isBlank()) {
        continue;
      }
      Grammar g = b.grammar().get();
      n++;
      boolean test = (g == Grammar.PYTHON ? PY_TEST : JS_TEST).matcher(b.code()).find();
      Matcher m = NAMED.matcher(b.code());
      String name = null;
      if (m.find()) {
        String given = m.group(1);
        name = given.substring(given.lastIndexOf('/') + 1);
        test = test || name.startsWith("test_") || name.contains(".test.") || name.contains(".spec.");
      }
      if (name == null || name.startsWith(".") || !names.add(name)) {
        name = (test && g == Grammar.PYTHON ? "test_answer_" : "answer_") + n + "." + extension(g);
        names.add(name);
      }
      out.add(new AnswerFile(name, b.code(), g, test, b));
    }
    return out;
  }

  private static String extension(Grammar g) {
    return switch (g) {
      case PYTHON -> "py";
      case TSX -> "tsx";
      case TYPESCRIPT -> "ts";
      default -> "mjs";
    };
  }
}
