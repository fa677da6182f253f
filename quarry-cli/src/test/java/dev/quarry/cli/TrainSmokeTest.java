package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real training smoke test: builds the demo dataset, trains a LoRA adapter with the generated TRL script
 * ({@code quarry train --cpu --max-steps 2}) on a tiny random-initialised Qwen2 with a tokenizer trained on the
 * dataset, loads the Parquet export with {@code datasets}, checks the axolotl/LLaMA-Factory/TRL configs against
 * the installed packages, registers the adapter and prints {@code serve-config}.
 *
 * <p>Needs a local wheel store configured for pip (find-links or a {@code file://} index holding torch, transformers,
 * trl, peft, datasets and accelerate); skipped, saying so, without one, or with {@code -Dquarry.smoke=false}. The
 * virtual environment is installed from that store only (the index URL is replaced by the local one, so nothing
 * is fetched from the internet) and cached in {@code ~/.cache/quarry-smoke/venv-<hash of requirements.txt>}
 * ({@code $QUARRY_SMOKE_CACHE} moves it); every Hugging Face library runs offline. About 4 minutes the first time
 * (the venv), under 2 minutes after.
 */
class TrainSmokeTest {
  private static final Path WORK = Path.of("target/train-smoke").toAbsolutePath();
  private static final Map<String, String> OFFLINE = Map.of("HF_HUB_OFFLINE", "1", "TRANSFORMERS_OFFLINE", "1",
      "HF_DATASETS_OFFLINE", "1", "HF_HUB_DISABLE_TELEMETRY", "1", "PIP_DISABLE_PIP_VERSION_CHECK", "1");

  @Test
  void trainsAnAdapterWithTheGeneratedTrlScriptAndServesIt() throws Exception {
    assumeTrue(!"false".equals(System.getProperty("quarry.smoke")), "training smoke test off (-Dquarry.smoke=false)");
    LocalStore store = LocalStore.find();
    assumeTrue(store.index() != null, "training smoke test skipped: " + store.why());
    long t0 = System.nanoTime();
    deleteTree(WORK);
    Files.createDirectories(WORK);

    Path python = venv(store);
    log("venv ready: " + python + " (" + seconds(t0) + ")");

    Path out = WORK.resolve("out");
    CliRun build = CliRun.of("build", "../examples/acme-platform", "-o", out.toString(), "--quiet");
    assertThat(build.code()).as(build.err()).isZero();

    Path tiny = WORK.resolve("tiny-model");
    run(List.of(python.toString(), resource("make_tiny_model.py").toString(),
        out.resolve("export/openai/train.jsonl").toString(), tiny.toString()), WORK, Map.of(), 600);
    assertThat(tiny.resolve("config.json")).exists();

    Path adapter = WORK.resolve("adapter");
    long tt = System.nanoTime();
    CliRun train = CliRun.of("train", out.toString(), "--trainer", "trl", "--python", python.toString(), "--cpu",
        "--max-steps", "2", "--model", tiny.toString(), "--output-dir", adapter.toString(),
        // one example per step instead of 8: the smoke run proves the wiring, not the optimisation
        "--set", "sft.gradient_accumulation_steps=1",
        "--env", "HF_HUB_OFFLINE=1", "--env", "TRANSFORMERS_OFFLINE=1", "--env", "HF_DATASETS_OFFLINE=1");
    log("quarry train (" + seconds(tt) + "):\n" + tail(train.err(), 12));
    assertThat(train.code()).as(train.err()).isZero();
    assertThat(train.err()).contains("adapter saved to " + adapter)
        .doesNotContain("ignoring settings this TRL version does not know");
    assertThat(adapter.resolve("adapter_config.json")).exists();
    assertThat(Files.size(adapter.resolve("adapter_model.safetensors"))).isPositive();

    String checks = run(List.of(python.toString(), resource("smoke_checks.py").toString(),
        out.resolve("export").toString()), WORK, Map.of(), 600);
    log("consumer checks:\n" + checks.lines().filter(l -> !l.contains("Generating")).reduce((a, b) -> a + "\n" + b)
        .orElse(""));
    assertThat(checks).contains("ok       datasets").contains("ok       trl");

    String db = WORK.resolve("registry.db").toString();
    CliRun add = CliRun.of("registry", "add", adapter.toString(), "--dataset", out.resolve("manifest.json").toString(),
        "--name", "acme-smoke", "--db", db);
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(CliRun.of("registry", "promote", "acme-smoke", "--stage", "production", "--db", db).code()).isZero();
    CliRun vllm = CliRun.of("registry", "serve-config", "--for", "vllm", "--db", db);
    CliRun litellm = CliRun.of("registry", "serve-config", "--for", "litellm", "--db", db);
    assertThat(vllm.out()).contains("vllm serve " + tiny).contains("\"name\":\"acme-smoke\"");
    assertThat(litellm.out()).contains("model: \"hosted_vllm/acme-smoke\"");
    log("serve-config --for vllm:\n" + vllm.out() + "serve-config --for litellm:\n" + litellm.out());
    log("training smoke test passed in " + seconds(t0));
  }

  /** The cached venv for requirements.txt, created from the local store when missing or incomplete. */
  private static Path venv(LocalStore store) throws Exception {
    Path req = resource("requirements.txt");
    String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(req)))
        .substring(0, 12);
    String root = System.getenv("QUARRY_SMOKE_CACHE");
    Path dir = (root != null ? Path.of(root) : Path.of(System.getProperty("user.home"), ".cache", "quarry-smoke"))
        .resolve("venv-" + key);
    Path python = dir.resolve("bin/python");
    if (Files.isRegularFile(dir.resolve(".complete")) && Files.isExecutable(python)) {
      return python;
    }
    deleteTree(dir);
    Files.createDirectories(dir.getParent());
    long t0 = System.nanoTime();
    run(List.of("python3", "-m", "venv", dir.toString()), WORK, Map.of(), 300);
    run(List.of(python.toString(), "-m", "pip", "install", "-q", "-r", req.toString()), WORK,
        Map.of("PIP_INDEX_URL", store.index()), 1800);
    Files.writeString(dir.resolve(".complete"), "installed from " + store.index() + "\n");
    log("created " + dir + " from " + store.index() + " in " + seconds(t0));
    return python;
  }

  /**
   * The machine's local wheel store as {@code pip config list} names it: a {@code file://} index (or folder) that
   * holds trl and torch; {@code index} is null, with {@code why}, when there is none.
   */
  private record LocalStore(String index, String why) {
    static LocalStore find() {
      String config;
      try {
        config = run(List.of("python3", "-m", "pip", "config", "list"), Path.of("."), Map.of(), 60);
      } catch (Exception e) {
        return new LocalStore(null, "python3 -m pip config list failed (" + e.getMessage() + ")");
      }
      List<Path> dirs = new ArrayList<>();
      for (String line : config.split("\n")) {
        int eq = line.indexOf('=');
        if (eq < 0 || !line.matches(".*(find-links|index-url)=.*")) {
          continue;
        }
        for (String v : line.substring(eq + 1).replace("'", "").split("\\s+")) {
          Path p = v.startsWith("file://") ? Path.of(v.substring("file://".length())) : v.startsWith("/") ? Path.of(v)
              : null;
          if (p != null && Files.isDirectory(p)) {
            dirs.add(p);
          }
        }
      }
      boolean torch = dirs.stream().anyMatch(d -> Files.isDirectory(d.resolve("torch")) || hasWheel(d, "torch-"));
      for (Path d : dirs) {
        if (Files.isDirectory(d.resolve("trl")) && Files.isDirectory(d.resolve("transformers")) && torch) {
          return new LocalStore("file://" + d, "");
        }
      }
      return new LocalStore(null, "no local wheel store with torch, transformers and trl in pip's configuration "
          + "(pip config list: find-links or a file:// index); nothing is downloaded, so the test cannot build its venv");
    }

    private static boolean hasWheel(Path dir, String prefix) {
      try (Stream<Path> s = Files.list(dir)) {
        return s.anyMatch(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".whl"));
      } catch (IOException e) {
        return false;
      }
    }
  }

  private static String run(List<String> cmd, Path cwd, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().putAll(OFFLINE);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    Path log = Files.createTempFile("quarry-smoke-", ".log");
    try (InputStream in = p.getInputStream()) {
      Files.copy(in, log, StandardCopyOption.REPLACE_EXISTING);
    }
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(cmd + " did not finish in " + timeoutSeconds + " s");
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    if (p.exitValue() != 0) {
      throw new AssertionError(cmd + " exited with " + p.exitValue() + ":\n" + tail(text, 30));
    }
    return text;
  }

  private static Path resource(String name) {
    return Path.of("src/test/resources/train-smoke", name).toAbsolutePath();
  }

  private static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static String seconds(long t0) {
    return String.format(java.util.Locale.ROOT, "%.0f s", (System.nanoTime() - t0) / 1e9);
  }

  private static void log(String s) {
    System.out.println("[train-smoke] " + s);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
