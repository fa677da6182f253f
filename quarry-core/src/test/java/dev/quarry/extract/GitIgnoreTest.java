package dev.quarry.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitIgnoreTest {
  /** Each row: the .gitignore text (\n-separated), a path relative to its folder, dir or file, and git's verdict. */
  @ParameterizedTest(name = "[{index}] {0} on {1} ({2}) -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      *.log                | a/b/x.log   | file | true
      *.log                | x.txt       | file | false
      /build               | build       | dir  | true
      /build               | src/build   | dir  | false
      build/               | build       | file | false
      build/               | build       | dir  | true
      build/               | src/build   | dir  | true
      doc/frotz/           | doc/frotz   | dir  | true
      doc/frotz/           | a/doc/frotz | dir  | false
      **/foo               | foo         | file | true
      **/foo               | a/b/foo     | file | true
      **/foo/bar           | x/foo/bar   | file | true
      **/foo/bar           | foo/bar     | file | true
      abc/**               | abc/x/y     | file | true
      a/**/b               | a/b         | file | true
      a/**/b               | a/x/y/b     | file | true
      a/**/b               | a/xb        | file | false
      *.log\\n!keep.log     | keep.log    | file | false
      *.log\\n!keep.log     | old.log     | file | true
      !keep.log\\n*.log     | keep.log    | file | true
      \\#file               | #file       | file | true
      # comment            | # comment   | file | false
      foo?                 | foo1        | file | true
      foo?                 | foo         | file | false
      [ab].txt             | a.txt       | file | true
      [ab].txt             | c.txt       | file | false
      [!ab].txt            | c.txt       | file | true
      [!ab].txt            | a.txt       | file | false
      a/*.txt              | a/c.txt     | file | true
      a/*.txt              | a/b/c.txt   | file | false
      *.txt                | dir/a.txt   | file | true
      docs                 | docs        | dir  | true
      docs                 | x/docs      | file | true
      """)
  void matchesLikeGit(String rules, String path, String kind, boolean ignored) {
    GitIgnore g = GitIgnore.parse(rules.replace("\\n", "\n"));

    assertThat(g.check(path, kind.equals("dir")) == GitIgnore.Verdict.IGNORED).isEqualTo(ignored);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      trailing\\u0020\\u0020 | trailing
      """)
  void trailingSpacesAreIgnored(String rule, String path) {
    GitIgnore g = GitIgnore.parse(rule.replace("\\u0020", " "));

    assertThat(g.check(path, false)).isEqualTo(GitIgnore.Verdict.IGNORED);
  }
}
