package dev.quarry.extract.code;

import dev.quarry.config.ExtractorSettings;

/**
 * Size limits of a code extractor, from its options {@code min_lines}, {@code max_lines} and
 * {@code max_file_bytes}.
 *
 * @param minLines candidates with fewer lines are skipped as too short
 * @param maxLines candidates with more lines are skipped as too long
 * @param maxFileBytes files larger than this are skipped unparsed
 */
public record Limits(int minLines, int maxLines, long maxFileBytes) {
  /** Default maximum lines of a candidate. */
  public static final int MAX_LINES = 200;
  /** Default maximum file size: 1 MiB. */
  public static final long MAX_FILE_BYTES = 1L << 20;

  /** The limits configured in {@code s}, else the extractor's defaults. */
  public static Limits of(ExtractorSettings s, int defaultMinLines) {
    return new Limits(intOption(s, "min_lines", defaultMinLines), intOption(s, "max_lines", MAX_LINES),
        intOption(s, "max_file_bytes", (int) MAX_FILE_BYTES));
  }

  private static int intOption(ExtractorSettings s, String key, int fallback) {
    return s.option(key).map(v -> {
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }).orElse(fallback);
  }
}
