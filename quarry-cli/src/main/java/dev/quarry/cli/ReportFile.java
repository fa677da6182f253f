package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a stage report as pretty JSON with a final newline, atomically. */
final class ReportFile {
  private ReportFile() {}

  /** Writes {@code json} to {@code file}; does nothing when {@code file} is null. */
  static void write(Path file, ObjectNode json) throws IOException {
    if (file != null) {
      AtomicFile.writeString(file, Json.pretty().writeValueAsString(json) + "\n");
    }
  }
}
