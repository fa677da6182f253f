package dev.quarry.validate.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code validate.execute} and {@code validate.typecheck} of quarry.yaml.
 *
 * @param languages which answers to run: {@code python}, {@code javascript} (default both)
 * @param limits the sandbox limits ({@code timeout} = wall seconds, {@code cpu}, {@code memory_mb},
 *     {@code file_mb}, {@code processes})
 * @param python the interpreter ({@code python}, default {@code /usr/bin/python3} when present)
 * @param node the node binary ({@code node}, default {@code /usr/bin/node})
 * @param tsc the TypeScript compiler for typecheck ({@code validate.typecheck.tsc}); empty = look it up
 * @param pythonChecker {@code pyflakes} (default) or {@code mypy} ({@code validate.typecheck.python})
 */
public record ExecSettings(List<String> languages, SandboxLimits limits, String python, String node, String tsc,
    String pythonChecker) {
  /** Copies the list. */
  public ExecSettings {
    languages = List.copyOf(languages);
  }

  /** Reads the settings from the {@code validate.execute} and {@code validate.typecheck} nodes. */
  public static ExecSettings of(JsonNode execute, JsonNode typecheck) {
    SandboxLimits d = SandboxLimits.defaults();
    List<String> langs = new ArrayList<>();
    execute.path("languages").forEach(n -> langs.add(n.asText()));
    if (langs.isEmpty()) {
      langs.addAll(List.of("python", "javascript"));
    }
    SandboxLimits l = new SandboxLimits(execute.path("timeout").asInt(d.wallSeconds()),
        execute.path("cpu").asInt(d.cpuSeconds()), execute.path("memory_mb").asInt(d.memoryMb()),
        execute.path("file_mb").asInt(d.fileMb()), execute.path("processes").asInt(d.processes()));
    String py = execute.path("python").asText(Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
        : "python3");
    return new ExecSettings(langs, l, py, execute.path("node").asText("/usr/bin/node"),
        typecheck.path("tsc").asText(""), typecheck.path("python").asText("pyflakes"));
  }
}
