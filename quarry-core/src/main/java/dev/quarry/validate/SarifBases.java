package dev.quarry.validate;

import java.nio.file.Path;

/**
 * The two roots a SARIF log's locations are relative to, as {@code originalUriBaseIds}: {@code %SRCROOT%}, the
 * mined repository (records' source paths are relative to it), and {@code QUARRY_INPUTS}, the folder holding the
 * validated JSONL files (a build's output folder). Neither is written as an absolute path, so the log does not
 * depend on where the repository was checked out; {@code QUARRY_INPUTS} is given relative to {@code %SRCROOT%}
 * when it lies inside the repository.
 *
 * @param repoRoot the repository root
 * @param inputRoot where the validated files are now
 * @param publishedInputRoot where they will be read from (a build's output folder, when {@code inputRoot} is its
 *     staging folder); the same as {@code inputRoot} otherwise
 */
public record SarifBases(Path repoRoot, Path inputRoot, Path publishedInputRoot) {
  /** Normalises the paths to absolute ones. */
  public SarifBases {
    repoRoot = repoRoot.toAbsolutePath().normalize();
    inputRoot = inputRoot.toAbsolutePath().normalize();
    publishedInputRoot = publishedInputRoot.toAbsolutePath().normalize();
  }

  /** Inputs and repository both relative to one folder, as for {@code quarry validate} run from a checkout. */
  public static SarifBases of(Path repoRoot, Path inputRoot) {
    return new SarifBases(repoRoot, inputRoot, inputRoot);
  }
}
