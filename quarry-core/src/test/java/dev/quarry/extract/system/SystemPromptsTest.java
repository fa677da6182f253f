package dev.quarry.extract.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ProgressListener;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.ExtractStage;
import dev.quarry.extract.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPromptsTest {
  @TempDir
  Path tmp;

  private Path repo(String name, Map<String, String> files) throws IOException {
    Path root = Files.createDirectories(tmp.resolve(name));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    return root;
  }

  private Path shop() throws IOException {
    return repo("shop", Map.of(
        "README.md", "# Shop\n\n[![ci](badge.svg)](ci)\n\nShop sells **books** over a [REST API](docs/api.md).\n",
        "backend/pyproject.toml", "[project]\nname = \"shop\"\ndescription = \"Order and catalogue service.\"\n"
            + "dependencies = [\n  \"fastapi[standard]>=0.110\",\n  \"sqlmodel<1.0\",\n]\n[dependency-groups]\n"
            + "dev = [\"pytest>=8\"]\n",
        "frontend/package.json", "{\"description\": \"Shop web client.\", \"dependencies\": {\"react\": \"^18\"},"
            + " \"devDependencies\": {\"vitest\": \"^2\", \"@types/react\": \"^18\"}}",
        "backend/app/main.py", "x = 1\n", "backend/app/models.py", "y = 2\n", "backend/app/crud.py", "z = 3\n",
        "frontend/src/App.tsx", "export const a = 1;\n", "CONTRIBUTING.md", "# Contributing\n"));
  }

  private static SystemPrompts prompts(Path root, String yaml) {
    QuarryConfig config = ConfigLoader.parse("quarry.yaml", yaml);
    return new ExtractStage(config, ProgressListener.NONE).systemPrompts(Repository.open(root));
  }

  @Test
  void profileReadsLanguagesFrameworksTestsDescriptionAndConventionsFromTheRepository() throws IOException {
    RepoProfile p = RepoProfile.of(Repository.open(shop()), t -> true);
    assertThat(p.languages()).containsExactly("Python", "TypeScript");
    assertThat(p.frameworks()).as("first of each manifest first").containsExactly("FastAPI", "React", "SQLModel");
    assertThat(p.tests()).containsExactly("pytest", "Vitest");
    assertThat(p.about()).isEqualTo("Order and catalogue service. Shop web client.");
    assertThat(p.conventions()).isEqualTo("CONTRIBUTING.md");
  }

  @Test
  void withoutPackageDescriptionsTheReadmesFirstProseParagraphIsTheDescription() throws IOException {
    Path root = repo("plain", Map.of("README.md", "# Plain\n\n[![b](x.svg)](y)\n\n![Dashboard login](img/login.png)\n\n"
        + "## Features\n\nClick the button at the top of this page to create a new repository.\n",
        "sub/README.md", "ignored", "app.py", "x = 1\n"));
    assertThat(RepoProfile.of(Repository.open(root), t -> true).about()).isEmpty();
    Path other = repo("other", Map.of("README.md", "# Other\n\n<p>logo</p>\n\nOther keeps **notes** in\n"
        + "[Markdown](https://x) files. It syncs them.\n\nMore.\n"));
    assertThat(RepoProfile.of(Repository.open(other), t -> true).about())
        .isEqualTo("Other keeps notes in Markdown files. It syncs them.");
  }

  @Test
  void derivedStylesAreDistinctAndNoOneServesMoreThanSixtyPercentOfRecords() throws IOException {
    SystemPrompts p = prompts(shop(), "project: shop\n");
    assertThat(p.all()).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
    assertThat(p.all()).anySatisfy(s -> assertThat(s).contains("FastAPI, React and SQLModel")
        .contains("Order and catalogue service."));
    assertThat(p.all()).anySatisfy(s -> assertThat(s).contains("`CONTRIBUTING.md`").contains("pytest and Vitest"));
    assertThat(p.all()).allSatisfy(s -> assertThat(s).doesNotContain("  ").doesNotContain(" .").contains("shop"));
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < 600; i++) {
      counts.merge(p.forKey("functions\nsrc/f" + i + ".py#f\nImplement f" + i), 1, Integer::sum);
    }
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(360));
    assertThat(p.forKey("k")).isEqualTo(p.forKey("k"));
  }

  @Test
  void aConfiguredSystemPromptIsUsedForEveryRecord() throws IOException {
    SystemPrompts p = prompts(shop(), "system_prompt: Be brief.\n");
    assertThat(p.all()).containsExactly("Be brief.");
    assertThat(p.forKey("a")).isEqualTo(p.forKey("b")).isEqualTo("Be brief.");
  }

  @Test
  void noAiProductNameFromTheFolderReadmeOrManifestsEntersAPrompt() throws IOException {
    Path root = repo("openai+swarm", Map.of(
        "README.md", "# Swarm\n\nSwarm orchestrates agents on OpenAI models.\n",
        "package.json", "{\"description\": \"Agents for the OpenAI API.\", \"dependencies\": {\"openai\": \"^4\","
            + " \"express\": \"^4\"}}",
        "pyproject.toml", "[project]\ndescription = \"Lightweight agents on top of ChatGPT.\"\n"
            + "dependencies = [\"openai>=1\", \"pydantic>=2\"]\n",
        "swarm/core.py", "x = 1\n"));
    SystemPrompts p = prompts(root, "");
    assertThat(p.all()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(p.all()).allSatisfy(s -> assertThat(s).contains("swarm").doesNotContainIgnoringCase("openai")
        .doesNotContainIgnoringCase("chatgpt"));
    assertThat(p.all()).anySatisfy(s -> assertThat(s).contains("Express and Pydantic"));
  }

  @Test
  void listsJoinTheLastTwoItemsWithTheConfiguredWord() {
    assertThat(SystemPrompts.list(List.of("A"), "and")).isEqualTo("A");
    assertThat(SystemPrompts.list(List.of("A", "B", "C"), "and")).isEqualTo("A, B and C");
    assertThat(SystemPrompts.tidy("on x.  It is")).isEqualTo("on x. It is");
  }
}
