package dev.quarry.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type-checks demo components with one {@code tsc --strict --noEmit} run against a package's TypeScript sources,
 * as an application outside the package would import it: the package name (and each subpath of its export map)
 * is mapped to its source file, {@code react} to {@code @types/react}. {@code tsc} comes from a folder holding
 * {@code node_modules/typescript} and {@code node_modules/@types/react}: {@code -Dquarry.tsc.home},
 * {@code $QUARRY_TSC_HOME}, or {@code ~/.cache/quarry-ci/tsc} (where {@code .ci/run} installs them).
 */
final class TscCheck {
  /** The key of the planted demo in {@link #check}'s result. */
  static final String PLANTED = "planted";
  private static final Pattern ERROR = Pattern.compile("(?m)^(.+?)\\(\\d+,\\d+\\): error TS\\d+: .*$");

  private final Path home;

  private TscCheck(Path home) {
    this.home = home;
  }

  /** The check, when {@code tsc} and {@code @types/react} are installed and {@code tsc --version} runs. */
  static Optional<TscCheck> find() {
    List<String> candidates = new ArrayList<>();
    candidates.add(System.getProperty("quarry.tsc.home", ""));
    candidates.add(Optional.ofNullable(System.getenv("QUARRY_TSC_HOME")).orElse(""));
    candidates.add(System.getProperty("user.home") + "/.cache/quarry-ci/tsc");
    for (String c : candidates) {
      if (c.isBlank()) {
        continue;
      }
      Path home = Path.of(c);
      if (Files.isRegularFile(home.resolve("node_modules/@types/react/index.d.ts")) && runs(home)) {
        return Optional.of(new TscCheck(home));
      }
    }
    return Optional.empty();
  }

  /**
   * Writes each demo beside the source file it is keyed by ({@code path#symbol}, so a demo importing its hook's
   * module by relative path resolves it too) and the planted one into {@code repo/quarry-demo/}, runs {@code tsc}
   * once and returns the error lines per demo key (and per other file with errors, by its path), empty when
   * everything type-checks.
   *
   * @param packageDir the package's folder in {@code repo}, holding its {@code package.json}
   */
  Map<String, String> check(Path repo, String packageDir, Map<String, String> demos, String planted)
      throws IOException, InterruptedException {
    Path dir = Files.createDirectories(repo.resolve("quarry-demo"));
    Map<String, String> fileToKey = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, String> d : demos.entrySet()) {
      String source = d.getKey().substring(0, d.getKey().indexOf('#'));
      Path file = repo.resolve(source).resolveSibling("quarry_demo_" + i++ + ".tsx").toAbsolutePath().normalize();
      Files.writeString(file, d.getValue(), StandardCharsets.UTF_8);
      fileToKey.put(file.toString(), d.getKey());
    }
    Path plantedFile = dir.resolve(PLANTED + ".tsx").toAbsolutePath().normalize();
    Files.writeString(plantedFile, planted, StandardCharsets.UTF_8);
    fileToKey.put(plantedFile.toString(), PLANTED);
    Files.writeString(dir.resolve("tsconfig.json"), tsconfig(repo.resolve(packageDir), fileToKey.keySet()),
        StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(tsc().toString(), "-p", "tsconfig.json", "--pretty", "false").directory(dir.toFile())
        .redirectErrorStream(true).start();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("tsc did not finish within 300 s");
    }
    Map<String, String> failures = new LinkedHashMap<>();
    Matcher m = ERROR.matcher(report);
    while (m.find()) {
      String file = dir.resolve(m.group(1)).toAbsolutePath().normalize().toString();
      failures.merge(fileToKey.getOrDefault(file, m.group(1)), m.group(), (a, b) -> a + "\n" + b);
    }
    if (p.exitValue() != 0 && failures.isEmpty()) {
      failures.put("tsc", report);
    }
    return failures;
  }

  private String tsconfig(Path pkgDir, Iterable<String> files) throws IOException {
    JsonNode pkg = Json.mapper().readTree(pkgDir.resolve("package.json").toFile());
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode o = root.putObject("compilerOptions");
    o.put("strict", true).put("noEmit", true).put("target", "ES2022").put("module", "ESNext")
        .put("moduleResolution", "Bundler").put("jsx", "react-jsx").put("skipLibCheck", true)
        .put("isolatedModules", true);
    o.putArray("lib").add("ES2022").add("DOM").add("DOM.Iterable");
    o.putArray("types");
    ObjectNode paths = o.putObject("paths");
    String name = pkg.path("name").asText();
    pkg.path("exports").fields().forEachRemaining(e -> {
      String target = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().path("types").asText();
      String source = target.replaceFirst("^\\./dist/", "./").replaceFirst("\\.d\\.ts$", ".ts");
      String spec = e.getKey().equals(".") ? name : name + e.getKey().substring(1);
      paths.putArray(spec).add(pkgDir.resolve(source).normalize().toString());
    });
    Path react = home.resolve("node_modules/@types/react");
    paths.putArray("react").add(react.resolve("index.d.ts").toString());
    paths.putArray("react/jsx-runtime").add(react.resolve("jsx-runtime.d.ts").toString());
    ArrayNode list = root.putArray("files");
    files.forEach(list::add);
    return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private Path tsc() {
    return home.resolve("node_modules/.bin/tsc");
  }

  private static boolean runs(Path home) {
    try {
      Process p = new ProcessBuilder(home.resolve("node_modules/.bin/tsc").toString(), "--version")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
