package dev.quarry.extract.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
  @Test
  void parseSkipsHeaderCommentsAndSplitsPhrasingsOnSeparatorLines() {
    Template t = Templates.parse("t.txt", "# doc {x}\n# more\nOne {x}.\n---\n\nTwo\nlines {x}.\n");
    assertThat(t.variants()).containsExactly("One {x}.", "Two\nlines {x}.");
    assertThat(t.firstLines()).containsExactly(3, 6);
  }

  @Test
  void fillReplacesPlaceholdersOnceAndKeepsBracesInValuesAndEscapes() {
    Template t = Templates.parse("t.txt", "Route {path} {{literal}}");
    assertThat(t.fill("k", Map.of("path", "/users/{id}"))).isEqualTo("Route /users/{id} {literal}");
  }

  @Test
  void choiceIsDeterministicAndMatchesPhrasing() {
    Template t = Templates.parse("t.txt", "a\n---\nb\n---\nc");
    for (String key : new String[] {"x", "y", "src/app.py#main"}) {
      assertThat(t.pick(key)).isEqualTo(Phrasing.pick(key, java.util.List.of("a", "b", "c")));
    }
  }

  @Test
  void unknownPlaceholderIsAConfigErrorWithFileAndLine() {
    Template t = Templates.parse("my.txt", "# header\nfirst line\nHello {nmae}");
    assertThatThrownBy(() -> t.fill("k", Map.of("name", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("my.txt:3")
        .hasMessageContaining("{nmae}")
        .hasMessageContaining("[name]");
  }

  @Test
  void emptyTemplateIsRejected() {
    assertThatThrownBy(() -> Templates.parse("e.txt", "# only comments\n---\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("e.txt:1");
  }

  @Test
  void builtInFunctionsTemplatesLoadFromTheClasspath() {
    Templates t = new Templates("functions", Map.of(), Path.of(""));
    assertThat(t.get("ask").variants()).hasSize(4);
    assertThat(t.get("answer-lead").fill("k", Map.of("none", "", "name", "f", "kind", "function", "language",
        "Python", "path", "a.py"))).contains("a.py");
  }

  @Test
  void configuredFileReplacesTheBuiltInRelativeToTheConfigDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ask.txt"), "# ours\nBitte implementiere `{name}`.");
    Templates t = new Templates("functions", Map.of("ask", "ask.txt"), dir);
    assertThat(t.get("ask").fill("k", Map.of("name", "f"))).isEqualTo("Bitte implementiere `f`.");
  }

  @Test
  void missingConfiguredFileIsAConfigError(@TempDir Path dir) {
    Templates t = new Templates("functions", Map.of("ask", "nope.txt"), dir);
    assertThatThrownBy(() -> t.get("ask")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("extractors.functions.templates.ask");
  }
}
