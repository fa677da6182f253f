package dev.quarry.extract;

import dev.quarry.model.Example;
import java.util.stream.Stream;

/**
 * Turns one kind of source in a repository into candidate examples. Built-ins are listed in
 * {@link Extractors}; the id is stable kebab-case and appears in provenance, config keys and reports.
 *
 * <p>Contract: the stream is produced lazily in a deterministic order (sorted by path, then position in the
 * file); every file looked at is counted and every file or candidate not used is reported with a reason
 * through {@link ExtractContext#coverage()}; nothing is skipped silently. Extractors never throw for bad
 * source files: a file that cannot be read or parsed is a skip with reason, not a failure.
 */
public interface Extractor {
  /** Stable id, e.g. {@code openapi}. */
  String id();

  /** The category its examples get when no category rule of the configuration matches. */
  String defaultCategory();

  /** Extracts examples from {@code repo}. The caller closes the stream. */
  Stream<dev.quarry.model.Example> extract(Repository repo, ExtractContext ctx);
}
