package dev.quarry.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What a Python interpreter offers a trainer, as the pre-flight probe ({@code probe.py}) reports it: the
 * modules that import (with their versions), why the others do not, and what torch sees of CUDA.
 *
 * @param python the interpreter's version
 * @param executable the interpreter's path
 * @param scripts the folder its console scripts are installed in ({@code axolotl}, {@code llamafactory-cli})
 * @param modules importable module to distribution version
 * @param errors module that did not import to why
 * @param cuda whether torch sees a CUDA device
 * @param bf16 whether that device supports bf16
 * @param devices the CUDA device names
 */
public record PythonEnvironment(String python, String executable, String scripts, Map<String, String> modules,
    Map<String, String> errors, boolean cuda, boolean bf16, List<String> devices) {
  private static final String MARK = "QUARRY_PROBE ";
  private static final long TIMEOUT_SECONDS = 300;

  /** Copies the collections. */
  public PythonEnvironment {
    modules = Map.copyOf(modules);
    errors = Map.copyOf(errors);
    devices = List.copyOf(devices);
  }

  /** Why {@code module} does not import, when it does not. */
  public Optional<String> missing(String module) {
    if (modules.containsKey(module)) {
      return Optional.empty();
    }
    return Optional.of(errors.getOrDefault(module, "not installed"));
  }

  /**
   * Runs the probe in {@code python}, importing {@code modules}.
   *
   * @return the environment, or empty with the reason in {@code why} when the interpreter cannot be run
   */
  public static Optional<PythonEnvironment> probe(String python, List<String> modules, Map<String, String> env,
      StringBuilder why) {
    List<String> cmd = new ArrayList<>(List.of(python, "-c", source()));
    cmd.addAll(modules);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> {
        try (InputStream in = p.getInputStream()) {
          in.transferTo(out);
        } catch (IOException ignored) {
          // the process died; what was read is reported below
        }
      });
      reader.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        why.append(python).append(" did not answer the probe in ").append(TIMEOUT_SECONDS).append(" s");
        return Optional.empty();
      }
      reader.join(5000);
      String text = out.toString(StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.startsWith(MARK)) {
          return Optional.of(parse(Json.mapper().readTree(line.substring(MARK.length()))));
        }
      }
      why.append(python).append(" exited with ").append(p.exitValue()).append(": ")
          .append(text.strip().lines().reduce((a, b) -> b).orElse("no output"));
      return Optional.empty();
    } catch (IOException e) {
      why.append("cannot run ").append(python).append(": ").append(e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why.append("interrupted");
      return Optional.empty();
    }
  }

  private static PythonEnvironment parse(JsonNode n) {
    Map<String, String> modules = new TreeMap<>();
    n.path("modules").fields().forEachRemaining(e -> modules.put(e.getKey(), e.getValue().asText()));
    Map<String, String> errors = new TreeMap<>();
    n.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asText()));
    List<String> devices = new ArrayList<>();
    n.path("devices").forEach(d -> devices.add(d.asText()));
    return new PythonEnvironment(n.path("python").asText(), n.path("executable").asText(), n.path("scripts").asText(),
        modules, errors, n.path("cuda").asBoolean(), n.path("bf16").asBoolean(), devices);
  }

  private static String source() {
    try (InputStream in = PythonEnvironment.class.getResourceAsStream("probe.py")) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the build: probe.py");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
