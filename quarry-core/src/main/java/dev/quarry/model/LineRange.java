package dev.quarry.model;

/**
 * A 1-based inclusive range of lines in a source file.
 *
 * @param first first line, at least 1
 * @param last last line, at least {@code first}
 */
public record LineRange(int first, int last) {
  /** @throws RecordException when the range is not 1-based or is reversed */
  public LineRange {
    if (first < 1 || last < first) {
      throw new RecordException("source.lines [" + first + "," + last + "] is not a 1-based inclusive range",
          "write [first,last] with 1 <= first <= last");
    }
  }
}
