package dev.quarry.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.model.Example;
import dev.quarry.model.Rejection;

/** One record line of a JSONL file: either a valid example or a malformed record with its reason. */
public sealed interface JsonlLine permits JsonlLine.Parsed, JsonlLine.Malformed {
  /** 1-based line number in the file. */
  long line();

  /** A line that holds a valid example. */
  record Parsed(long line, Example example) implements JsonlLine {}

  /**
   * A line that is not a valid record. {@code original} is the JSON object when the line was JSON, else a
   * {@code {"raw": "<the line>"}} object, so the rejects file keeps it.
   */
  record Malformed(long line, JsonNode original, Rejection reason) implements JsonlLine {}
}
