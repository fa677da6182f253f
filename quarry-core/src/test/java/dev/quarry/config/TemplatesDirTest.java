package dev.quarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ConfigException;
import dev.quarry.ProgressListener;
import dev.quarry.extract.ExtractStage;
import dev.quarry.extract.Repository;
import dev.quarry.extract.code.Templates;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesDirTest {
  private static final Path RESOURCES = Path.of("src/main/resources/dev/quarry/extract");

  @TempDir
  Path tmp;

  private Path write(String rel, String text) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  @Test
  void aFileInTemplatesDirReplacesTheBundledTemplateOfTheSameName() throws IOException {
    write("repo/docs/guide.md", "# Guide\n\n## Error handling\n\nRaise domain errors from the errors module and "
        + "never return a bare 500; callers branch on the status code, so the code must be right and stable "
        + "across releases.\n");
    write("repo/voice/docs/ask-topic.txt", "# unsere Stimme\nWie gehe ich in {project} mit {topic} um?\n");
    Path cfg = write("repo/quarry.yaml", "templates_dir: voice\n");
    QuarryConfig config = ConfigLoader.load(cfg);
    assertThat(config.templateOverrides("docs")).containsOnlyKeys("ask-topic");
    List<ExtractStage.Output> out = new ExtractStage(config, ProgressListener.NONE)
        .run(Repository.open(tmp.resolve("repo")), Files.createDirectories(tmp.resolve("out")), List.of("docs"));
    try (Stream<Example> s = JsonlReader.examples(out.get(0).file())) {
      assertThat(s.map(e -> e.messages().get(1).content()).toList())
          .containsExactly("Wie gehe ich in repo mit error handling um?");
    }
    assertThat(Templates.of(config, "explain").get("lead").source()).startsWith("/dev/quarry/extract/explain/");
  }

  @Test
  void anOverrideChangesTheConfigurationHash() throws IOException {
    Path cfg = write("a/quarry.yaml", "templates_dir: t\n");
    write("a/t/functions/ask.txt", "Implement `{name}`.\n");
    String before = ConfigLoader.load(cfg).hash();
    write("a/t/functions/ask.txt", "Write `{name}`.\n");
    assertThat(ConfigLoader.load(cfg).hash()).isNotEqualTo(before);
  }

  @Test
  void anUnknownTemplateNameIsAConfigErrorNamingTheFileAndTheValidNames() throws IOException {
    Path cfg = write("b/quarry.yaml", "templates_dir: t\n");
    Path bad = write("b/t/functions/asks.txt", "Implement `{name}`.\n");
    assertThatThrownBy(() -> ConfigLoader.load(cfg)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(bad.toString()).hasMessageContaining("no bundled template is called functions/asks")
        .hasMessageContaining("functions/ask,");
  }

  @Test
  void anUnknownPlaceholderIsAOneLineErrorWithFileAndLine() throws IOException {
    Path cfg = write("c/quarry.yaml", "templates_dir: t\n");
    Path bad = write("c/t/functions/ask.txt", "# comment\nImplement `{name}`.\n---\nWrite `{nmae}`.\n");
    assertThatThrownBy(() -> ConfigLoader.load(cfg)).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
            .contains(bad + ":4: unknown placeholder {nmae}").contains("[doc, fenced, kind, language, name"));
  }

  @Test
  void aFileWithoutPhrasingIsAnErrorWithFileAndLine() throws IOException {
    Path cfg = write("d/quarry.yaml", "templates_dir: t\n");
    Path bad = write("d/t/explain/lead.txt", "# only a comment\n\n---\n");
    assertThatThrownBy(() -> ConfigLoader.load(cfg)).hasMessageContaining(bad + ":1: template holds no phrasing");
  }

  @Test
  void aMissingFolderIsAnErrorAtTheKeysLine() throws IOException {
    Path cfg = write("e/quarry.yaml", "project: x\ntemplates_dir: nowhere\n");
    assertThatThrownBy(() -> ConfigLoader.load(cfg)).hasMessageContaining("quarry.yaml:2: templates_dir \"nowhere\" "
        + "is not a folder");
  }

  @Test
  void theIndexListsEveryOverridableBundledTemplateWithThePlaceholdersItUses() throws IOException {
    Map<String, Set<String>> index = TemplatesDir.index();
    Set<String> bundled = new TreeSet<>();
    Pattern ph = Pattern.compile("(?<!\\{)\\{([a-z_]+)\\}(?!\\})");
    try (Stream<Path> s = Files.walk(RESOURCES)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String name = RESOURCES.relativize(p).toString().replace('\\', '/').replaceFirst("\\.txt$", "");
        if (name.startsWith("context/") || name.equals("system/stack")) {
          continue;
        }
        bundled.add(name);
        assertThat(index).as(name).containsKey(name);
        Matcher m = ph.matcher(Files.readString(p, StandardCharsets.UTF_8));
        while (m.find()) {
          assertThat(index.get(name)).as(name + " uses {" + m.group(1) + "}").contains(m.group(1));
        }
      }
    }
    assertThat(index.keySet()).isEqualTo(bundled);
    for (String name : index.keySet()) {
      try (InputStream in = getClass().getResourceAsStream("/dev/quarry/extract/" + name + ".txt")) {
        assertThat(in).as(name).isNotNull();
      }
    }
  }
}
