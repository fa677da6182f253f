package dev.quarry.extract;

import dev.quarry.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The line spans of one file that specific extractors already mined, so a general-purpose extractor does not
 * mine them again (one owner per source span). One instance per file; not thread-safe.
 */
final class SpanOwners {
  private record Claim(int first, int last, String extractor) {}

  private final List<Claim> claims = new ArrayList<>();

  /** Records that {@code s.extractor()} owns {@code s.lines()}; whole-file sources claim nothing. */
  void claim(Source s) {
    if (s.lines() != null) {
      claims.add(new Claim(s.lines().first(), s.lines().last(), s.extractor()));
    }
  }

  /** The extractor owning lines that intersect {@code s.lines()}, if any. */
  Optional<String> owner(Source s) {
    if (s.lines() == null) {
      return Optional.empty();
    }
    for (Claim c : claims) {
      if (c.first() <= s.lines().last() && s.lines().first() <= c.last()) {
        return Optional.of(c.extractor());
      }
    }
    return Optional.empty();
  }
}
