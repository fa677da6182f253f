package dev.quarry.config;

import java.util.List;
import java.util.Objects;

/**
 * One category of the dataset and how examples are assigned to it.
 *
 * @param name kebab-case name, e.g. {@code database}
 * @param paths globs over repository paths ({@code **}, {@code *}, {@code ?}, {@code {a,b}}); a match assigns
 *     the category
 * @param keywords case-insensitive words; an example whose text contains one is assigned when no path rule
 *     matched
 * @param target how many examples the balanced dataset should hold; 0 means no target
 */
public record CategorySpec(String name, List<String> paths, List<String> keywords, int target) {
  /** Copies the lists; rejects a negative target. */
  public CategorySpec {
    Objects.requireNonNull(name, "name");
    paths = List.copyOf(paths);
    keywords = List.copyOf(keywords);
    if (target < 0) {
      throw new IllegalArgumentException("target must be >= 0");
    }
  }
}
