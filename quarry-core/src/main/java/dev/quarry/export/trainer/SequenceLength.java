package dev.quarry.export.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.export.ReportView;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Chooses the trainer's sequence length: the 99th percentile of example lengths in tokens, rounded up to a
 * power of two, at least {@value #MIN} and at most {@value #MAX} (so a few outliers cannot make training
 * need more memory than a 24 GB card has; the longest 1 % are truncated). The percentile comes from the
 * distribution report, else from the OpenAI export's {@code format-check.json}, else the configured
 * {@code validate.max_tokens} is used.
 */
final class SequenceLength {
  static final int MIN = 512;
  static final int MAX = 8192;

  /** The chosen length and where it came from. */
  record Choice(int tokens, String why) {}

  private SequenceLength() {}

  static Choice choose(JsonNode distribution, Path exportDir, int maxTokens) throws IOException {
    OptionalLong p99 = new ReportView(null, distribution).tokens("p99");
    if (p99.isPresent()) {
      return of(p99.getAsLong(), "p99 of example tokens " + p99.getAsLong() + " (distribution report)");
    }
    Path check = exportDir.resolve("openai").resolve("format-check.json");
    if (Files.isRegularFile(check)) {
      JsonNode n = Json.mapper().readTree(check.toFile()).at("/splits/train/tokens/p99");
      if (n.isNumber()) {
        return of(n.asLong(), "p99 of example tokens " + n.asLong() + " (openai/format-check.json, train split)");
      }
    }
    return of(maxTokens, "validate.max_tokens " + maxTokens + " (no token statistics found)");
  }

  private static Choice of(long p99, String source) {
    long v = MIN;
    while (v < p99 && v < MAX) {
      v <<= 1;
    }
    return new Choice((int) v, source + ", rounded up to a power of two within [" + MIN + ", " + MAX + "]");
  }
}
