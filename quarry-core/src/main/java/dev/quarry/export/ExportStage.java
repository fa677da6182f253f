package dev.quarry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.Version;
import dev.quarry.config.QuarryConfig;
import dev.quarry.export.card.CardInputs;
import dev.quarry.export.card.DatasetCard;
import dev.quarry.export.report.HtmlReport;
import dev.quarry.export.trainer.TrainConfigs;
import dev.quarry.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The export stage of {@code quarry build}, over a build folder (SPEC §4): every configured format into
 * {@code export/<format>/}, every trainer's files into {@code export/<trainer>/}, the dataset card
 * {@code export/README.md} and the page {@code reports/report.html}. Formats a configured trainer reads are
 * exported even when {@code export.formats} leaves them out.
 */
public final class ExportStage {
  /**
   * What the stage wrote.
   *
   * @param files the trainer files, the card and the report, in a fixed order (format folders aside)
   * @param summary counts for the manifest: examples per split, formats, trainers, the OpenAI format check
   */
  public record Result(List<Path> files, ObjectNode summary) {}

  private ExportStage() {}

  /**
   * Runs the stage.
   *
   * @param cfg the configuration ({@code export:}, {@code train:})
   * @param build the build folder holding {@code dataset/} and {@code rejected.jsonl}
   * @param project the project name for the card and the report title
   * @param commit the repository commit, or {@code null}
   * @param validation the validation report JSON, or {@code null}
   * @param distribution the distribution report JSON, or {@code null}
   */
  public static Result run(QuarryConfig cfg, Path build, String project, String commit, ObjectNode validation,
      ObjectNode distribution) throws IOException {
    DatasetSplits splits = DatasetSplits.in(build.resolve("dataset"));
    Path export = build.resolve("export");
    List<String> trainers = cfg.export().trainers().isEmpty() ? TrainConfigs.TRAINERS : cfg.export().trainers();
    Set<String> formats = new LinkedHashSet<>(cfg.export().formats().isEmpty() ? Exporters.formats()
        : cfg.export().formats());
    trainers.forEach(t -> formats.add(TrainConfigs.formatFor(t)));
    ObjectNode summary = JsonNodeFactory.instance.objectNode();
    Map<String, Long> counts = splitCounts(splits);
    ObjectNode sc = summary.putObject("splits");
    counts.forEach(sc::put);
    List<Path> files = new ArrayList<>();
    Map<String, String> dataFiles = new LinkedHashMap<>();
    ArrayNode fs = summary.putArray("formats");
    List<String> folders = new ArrayList<>();
    for (String f : formats) {
      Exporter x = Exporters.byFormat(f);
      Path dir = export.resolve(f);
      x.export(splits, dir);
      fs.add(f);
      folders.add(f);
      if (dataFiles.isEmpty() || f.equals("parquet")) {
        dataFiles.clear();
        counts.keySet().forEach(s -> dataFiles.put(s, f + "/" + x.fileOf(s)));
      }
    }
    JsonNode check = readIfExists(export.resolve("openai").resolve("format-check.json"));
    if (check != null) {
      summary.putObject("openai_check").put("format_errors", check.path("format_errors").asLong())
          .put("over_token_limit", check.path("over_token_limit").asLong());
    }
    ArrayNode ts = summary.putArray("trainers");
    for (String t : trainers) {
      files.addAll(TrainConfigs.write(t, cfg, distribution, export, export.resolve(t)));
      ts.add(t);
      folders.add(t);
    }
    Path card = export.resolve("README.md");
    DatasetCard.write(card, new CardInputs(project, cfg.export().license(), Version.get(), cfg.hash(), project, commit,
        counts, dataFiles, folders, validation, distribution));
    files.add(card);
    Path report = build.resolve("reports").resolve("report.html");
    HtmlReport.write(report, project, validation, distribution, build.resolve("rejected.jsonl"), splits.train());
    files.add(report);
    summary.put("card", "export/README.md").put("report", "reports/report.html");
    return new Result(List.copyOf(files), summary);
  }

  /** Records per existing, non-empty split, in split order. */
  static Map<String, Long> splitCounts(DatasetSplits splits) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : splits.existing().entrySet()) {
      long n = 0;
      try (BufferedReader r = Files.newBufferedReader(e.getValue(), StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            n++;
          }
        }
      }
      if (n > 0) {
        out.put(e.getKey(), n);
      }
    }
    return out;
  }

  private static JsonNode readIfExists(Path p) throws IOException {
    return Files.isRegularFile(p) ? Json.mapper().readTree(p.toFile()) : null;
  }
}
