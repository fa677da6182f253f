package dev.quarry.model;

import java.util.Objects;

/**
 * Provenance of an example (SPEC §1 {@code source}).
 *
 * @param extractor id of the extractor that wrote it ({@code handcrafted} for hand-written examples)
 * @param repo repository name, or {@code null} when unknown
 * @param path path of the file inside the repository, with {@code /} separators
 * @param lines the lines the example came from, or {@code null} when the whole file or not applicable
 * @param symbol the symbol (function, operation, section) or {@code null}
 * @param commit the repository HEAD when it is a git checkout, else {@code null}
 */
public record Source(String extractor, String repo, String path, LineRange lines, String symbol, String commit) {
  /** @throws RecordException when extractor or path is missing */
  public Source {
    if (extractor == null || extractor.isBlank()) {
      throw new RecordException("source.extractor is missing", "name the extractor that produced the record");
    }
    if (path == null || path.isBlank()) {
      throw new RecordException("source.path is missing", "give the file the record came from");
    }
  }

  /** This source with another line range. */
  public Source withLines(LineRange newLines) {
    return new Source(extractor, repo, path, newLines, symbol, commit);
  }

  /** The key that groups examples of one file across splits: repo and path. */
  public String fileKey() {
    return Objects.toString(repo, "") + ":" + path;
  }
}
