package dev.quarry.build;

import dev.quarry.InputException;
import dev.quarry.UsageException;
import dev.quarry.config.QuarryConfig;
import dev.quarry.config.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One source of a multi-source build (issue 15): a repository folder the extractors read, or a record file
 * (Quarry, OpenAI, ShareGPT or Alpaca JSONL) whose records are imported as they are.
 *
 * @param name the name provenance ({@code source.repo}) and the manifest use; unique within a build
 * @param path the folder or file
 * @param records true for a record file, false for a repository
 * @param config the configuration this source is extracted with (the build's, with the source's overrides)
 */
public record BuildSource(String name, Path path, boolean records, QuarryConfig config) {
  /**
   * The sources of a build: the {@code sources:} of the configuration, then {@code args}, then every folder and
   * record file ({@code .jsonl}, or {@code .json} holding a JSON array of records as LLaMA-Factory ships them)
   * directly inside {@code eachRepo} (sorted by name, hidden ones left out).
   *
   * @throws InputException (exit 3) when a source is neither a folder nor a file
   * @throws UsageException (exit 2) when two sources have the same name
   */
  public static List<BuildSource> resolve(QuarryConfig config, List<Path> args, Path eachRepo) throws IOException {
    List<SourceSpec> specs = new ArrayList<>(SourceSpec.read(config));
    args.forEach(a -> specs.add(SourceSpec.of(a)));
    if (eachRepo != null) {
      if (!Files.isDirectory(eachRepo)) {
        throw new InputException(eachRepo.toString(), 0, "--each-repo needs a folder of repositories",
            "give the folder that holds the repositories, one per sub-folder");
      }
      try (Stream<Path> s = Files.list(eachRepo)) {
        s.filter(p -> !p.getFileName().toString().startsWith("."))
            .filter(p -> Files.isDirectory(p) || isRecordFile(p))
            .sorted().forEach(p -> specs.add(SourceSpec.of(p)));
      }
    }
    List<BuildSource> out = new ArrayList<>();
    Map<String, Path> names = new HashMap<>();
    for (SourceSpec s : specs) {
      boolean dir = Files.isDirectory(s.path());
      if (!dir && !Files.isRegularFile(s.path())) {
        throw new InputException(s.path().toString(), 0, "source is neither a folder nor a file",
            "give a repository folder or a JSONL file of records (check the path)");
      }
      String name = s.name() != null ? s.name() : defaultName(s.path(), dir);
      Path clash = names.putIfAbsent(name, s.path());
      if (clash != null) {
        throw new UsageException("two sources are named \"" + name + "\" (" + clash + " and " + s.path() + ")",
            "give one of them another name: in quarry.yaml, sources: - {path: " + s.path() + ", name: …}");
      }
      out.add(new BuildSource(name, s.path(), !dir, s.configOver(config)));
    }
    return out;
  }

  private static boolean isRecordFile(Path p) {
    String n = p.getFileName().toString();
    return Files.isRegularFile(p) && (n.endsWith(".jsonl") || n.endsWith(".json"));
  }

  private static String defaultName(Path p, boolean dir) {
    Path abs = p.toAbsolutePath().normalize();
    String n = abs.getFileName() == null ? "repo" : abs.getFileName().toString();
    if (!dir) {
      int dot = n.lastIndexOf('.');
      n = dot > 0 ? n.substring(0, dot) : n;
    }
    return n;
  }
}
