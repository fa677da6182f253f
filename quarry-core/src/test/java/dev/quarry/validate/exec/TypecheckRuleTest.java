package dev.quarry.validate.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import dev.quarry.validate.Finding;
import dev.quarry.validate.RuleContext;
import dev.quarry.validate.rules.TypecheckRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typecheck rule names each problem with its answer file and line, and skips when a checker is absent. */
class TypecheckRuleTest {
  private static final Path TSC = Path.of(System.getProperty("user.home"), ".cache", "quarry-ts", "node_modules",
      ".bin", "tsc");

  @TempDir
  Path repo;

  private static Example example(String lang, String code, String path) {
    return Example.of(List.of(Message.system("You are an expert engineer on the Acme platform."),
        Message.user("Write it."), Message.assistant("Here:\n\n```" + lang + "\n" + code + "```\n")), "sdk", lang,
        new Source("functions", "acme", path, new LineRange(1, 2), "x", null));
  }

  private static List<Finding> check(String yaml, Example e, Path repo) {
    QuarryConfig cfg = ConfigLoader.parse("q.yaml", yaml);
    RuleContext ctx = new RuleContext(cfg);
    return new TypecheckRule().check(e, ctx).toList();
  }

  @Test
  void pyflakesReportsAnUndefinedNameWithFileAndLine() {
    assumeTrue(python("pyflakes"), "needs /usr/bin/python3 -m pyflakes");
    List<Finding> f = check("validate:\n  typecheck: {enabled: true}\n",
        example("python", "def total(xs: list[int]) -> int:\n    return summ(xs)\n", "lib/m.py"), repo);
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message())
        .isEqualTo("pyflakes: answer_1.py:2: undefined name 'summ'"));
  }

  @Test
  void cleanPythonHasNoFinding() {
    assumeTrue(python("pyflakes"), "needs /usr/bin/python3 -m pyflakes");
    assertThat(check("validate:\n  typecheck: {enabled: true}\n",
        example("python", "def total(xs: list[int]) -> int:\n    return sum(xs)\n", "lib/m.py"), repo)).isEmpty();
  }

  @Test
  void tscStrictReportsATypeErrorAndResolvesRelativeImportsIntoTheRepository() throws IOException {
    assumeTrue(Files.isExecutable(TSC), "needs typescript in ~/.cache/quarry-ts");
    Files.createDirectories(repo.resolve("src"));
    Files.writeString(repo.resolve("src/types.ts"), "export interface User { id: number; name: string }\n");
    Example e = example("typescript", "import type { User } from \"./types.js\";\n\n"
        + "export function label(u: User): string {\n  const n: number = u.name;\n  return `${n}`;\n}\n",
        "src/label.ts");
    List<Finding> f = check("validate:\n  typecheck: {enabled: true, tsc: " + TSC + "}\n", e, repo);
    // Without the repository, ./types.js would not resolve; with it, the real type error on line 4 is found.
    assertThat(f).isEmpty();
    QuarryConfig cfg = ConfigLoader.parse("q.yaml", "validate:\n  typecheck: {enabled: true, tsc: " + TSC + "}\n");
    RuleContext ctx = withRepository(cfg, repo);
    List<Finding> withRepo = new TypecheckRule().check(e, ctx).toList();
    assertThat(withRepo).singleElement().satisfies(x -> assertThat(x.message())
        .startsWith("tsc: answer_1.ts:4: TS2322: Type 'string' is not assignable to type 'number'"));
  }

  @Test
  void anAbsentCheckerIsASkipNotAFinding() {
    Example e = example("typescript", "export const x: number = 'no';\n", "src/x.ts");
    assertThat(check("validate:\n  typecheck: {enabled: true, tsc: /nonexistent/tsc}\n", e, repo)).isEmpty();
  }

  private static RuleContext withRepository(QuarryConfig cfg, Path repo) {
    return dev.quarry.validate.RuleContextAccess.withRun(new RuleContext(cfg), repo, null);
  }

  private static boolean python(String module) {
    try {
      return new ProcessBuilder("/usr/bin/python3", "-m", module, "--version").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
