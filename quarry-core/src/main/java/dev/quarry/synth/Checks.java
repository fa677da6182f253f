package dev.quarry.synth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.dataset.decontaminate.DecontaminationSettings;
import dev.quarry.dataset.decontaminate.EvalIndex;
import dev.quarry.eval.score.Grounding;
import dev.quarry.io.Json;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import dev.quarry.validate.Rules;
import dev.quarry.validate.ValidateStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The checks every synthetic candidate passes before it is kept, in this order, each with a stable reason code:
 * every validation rule ({@code validate:<rule>}, through {@link ValidateStage}, so the {@code execute} rule runs
 * too when it is registered — that is the execution hook); {@code grounding} (a platform-looking name that exists
 * nowhere in the repository, by eval's {@link Grounding}); {@code near-duplicate} (n-gram overlap with a mined
 * example at or above {@code synth.near_duplicate}); {@code contaminated} (overlap with the probes or held-out
 * files at or above the decontamination threshold).
 */
final class Checks {
  /** The id of the execution rule, when a build of Quarry registers one (issue 12). */
  static final String EXECUTE_RULE = "execute";

  private final QuarryConfig config;
  private final Grounding grounding;
  private final EvalIndex mined;
  private final Optional<EvalIndex> eval;
  private final double nearDuplicate;
  private final double contamination;
  private final boolean executes;

  Checks(QuarryConfig config, Grounding grounding, Path minedFile, List<Path> evalSets, double nearDuplicate) {
    DecontaminationSettings d = DecontaminationSettings.defaults();
    this.config = config;
    this.grounding = grounding;
    this.mined = EvalIndex.build(List.of(minedFile), d.n());
    List<Path> present = evalSets.stream().filter(Files::isRegularFile).toList();
    this.eval = present.isEmpty() ? Optional.empty() : Optional.of(EvalIndex.build(present, d.n()));
    this.nearDuplicate = nearDuplicate;
    this.contamination = d.threshold();
    this.executes = Rules.all().stream().anyMatch(r -> r.id().equals(EXECUTE_RULE));
  }

  /** The checks a kept example passed, for meta.synth.checks. */
  List<String> names(boolean judged) {
    List<String> out = new ArrayList<>(List.of("validate"));
    if (executes) {
      out.add(EXECUTE_RULE);
    }
    out.addAll(List.of("grounding", "near-duplicate", "decontamination"));
    if (judged) {
      out.add("judge");
    }
    return out;
  }

  /**
   * Validates {@code candidates} (distinct ids) with every rule: the validated record by id, or the reason.
   *
   * @param work a scratch folder
   */
  Map<String, Verdict> validate(List<Example> candidates, Path work) throws IOException {
    Files.createDirectories(work);
    Path in = work.resolve("candidates.jsonl");
    Path acc = work.resolve("candidates-accepted.jsonl");
    Path rej = work.resolve("candidates-rejected.jsonl");
    try (JsonlWriter w = JsonlWriter.open(in)) {
      for (Example e : candidates) {
        w.write(e);
      }
      w.commit();
    }
    new ValidateStage(config, false, ProgressListener.NONE).run(List.of(in), acc, rej);
    Map<String, Verdict> out = new TreeMap<>();
    try (Stream<Example> s = JsonlReader.examples(acc)) {
      s.forEach(e -> out.put(e.id(), Verdict.pass(e)));
    }
    try (Stream<String> lines = Files.lines(rej)) {
      for (String line : (Iterable<String>) lines::iterator) {
        JsonNode n = Json.mapper().readTree(line);
        String rule = "";
        String message = "";
        for (JsonNode f : n.path("rejection")) {
          if ("error".equals(f.path("severity").asText())) {
            rule = f.path("rule").asText();
            message = f.path("message").asText();
            break;
          }
        }
        out.put(n.path("id").asText(), Verdict.fail("validate:" + rule, ModelAnswer.oneLine(message)));
      }
    }
    for (Path p : List.of(in, acc, rej)) {
      Files.deleteIfExists(p);
    }
    return out;
  }

  /** The synthesis checks after validation, on a validated candidate: empty when it passes. */
  Optional<Verdict> after(Example e, String response) {
    List<Grounding.Hallucination> h = grounding.hallucinations(response);
    if (!h.isEmpty()) {
      return Optional.of(Verdict.fail("grounding", "invented: "
          + String.join(", ", h.stream().map(Grounding.Hallucination::toString).toList())));
    }
    double dup = mined.overlap(e);
    if (dup >= nearDuplicate) {
      return Optional.of(Verdict.fail("near-duplicate", String.format(java.util.Locale.ROOT,
          "%.2f of its %d-grams are in mined examples", dup, mined.n())));
    }
    if (eval.isPresent() && eval.get().overlap(e) >= contamination) {
      return Optional.of(Verdict.fail("contaminated", String.format(java.util.Locale.ROOT,
          "%.2f of its %d-grams are in the probes or held-out splits", eval.get().overlap(e), eval.get().n())));
    }
    return Optional.empty();
  }

  /**
   * A check's result.
   *
   * @param example the validated record (when passed)
   * @param reason the reason code, "" when passed
   * @param detail one line for the rejects file
   */
  record Verdict(Example example, String reason, String detail) {
    static Verdict pass(Example e) {
      return new Verdict(e, "", "");
    }

    static Verdict fail(String reason, String detail) {
      return new Verdict(null, reason, detail);
    }

    boolean passed() {
      return reason.isEmpty();
    }
  }
}
