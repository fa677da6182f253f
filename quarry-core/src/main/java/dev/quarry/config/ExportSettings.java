package dev.quarry.config;

import java.util.List;

/**
 * Settings of the export stage ({@code export:} in quarry.yaml).
 *
 * @param formats the export formats {@code quarry build} writes, in order; empty means every available one
 * @param trainers the trainers {@code quarry build} writes configs for; empty means every one
 * @param license the Hugging Face license id stated in the dataset card; {@code other} when not configured
 */
public record ExportSettings(List<String> formats, List<String> trainers, String license) {
  /** Copies the lists; defaults the license to {@code other}. */
  public ExportSettings {
    formats = List.copyOf(formats);
    trainers = List.copyOf(trainers);
    license = license == null || license.isBlank() ? "other" : license;
  }

  /** Every format, every trainer, license {@code other}. */
  public static ExportSettings defaults() {
    return new ExportSettings(List.of(), List.of(), "other");
  }
}
