package dev.quarry.export.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the dataset card states. Reports may be {@code null}: their sections then say "n/a".
 *
 * @param project the project name (the card's title)
 * @param license a Hugging Face license id; {@code other} when the code's license is not a standard one
 * @param toolVersion the Quarry version that built the dataset
 * @param configHash SHA-256 of the effective configuration
 * @param repo the mined repository's name, or {@code null}
 * @param commit the mined repository's HEAD, or {@code null} when not a git checkout
 * @param splitCounts examples per split name ({@code train}, {@code validation}, {@code test}), in order
 * @param dataFiles the file of each split, relative to the card's folder, {@code /}-separated, in order
 * @param formats the export folders present beside the card (format ids and trainer names), in order
 * @param validation {@code reports/validation.json}, or {@code null}
 * @param distribution {@code reports/distribution.json}, or {@code null}
 */
public record CardInputs(String project, String license, String toolVersion, String configHash, String repo,
    String commit, Map<String, Long> splitCounts, Map<String, String> dataFiles, List<String> formats,
    ObjectNode validation, ObjectNode distribution) {

  /** Copies the collections (keeping their order) and the reports; defaults the license to {@code other}. */
  public CardInputs {
    Objects.requireNonNull(project, "project");
    license = license == null || license.isBlank() ? "other" : license;
    splitCounts = Collections.unmodifiableMap(new LinkedHashMap<>(splitCounts));
    dataFiles = Collections.unmodifiableMap(new LinkedHashMap<>(dataFiles));
    formats = List.copyOf(formats);
    validation = validation == null ? null : validation.deepCopy();
    distribution = distribution == null ? null : distribution.deepCopy();
  }
}
