package dev.quarry.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.model.Example;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes records one per line to a file, atomically: nothing is visible at the target until
 * {@link #commit()}; closing without commit leaves the old file as it was. Not thread-safe.
 */
public final class JsonlWriter implements AutoCloseable {
  private final AtomicFile file;
  private long count;

  private JsonlWriter(AtomicFile file) {
    this.file = file;
  }

  /** Opens a writer for {@code target}. */
  public static JsonlWriter open(Path target) throws IOException {
    return new JsonlWriter(AtomicFile.create(target));
  }

  /** Writes one example. */
  public void write(Example e) {
    write(ExampleCodec.toJson(e));
  }

  /** Writes one JSON value as a line (used for rejected records). */
  public void write(JsonNode node) {
    try {
      Json.mapper().writeValue(file.out(), node);
      file.out().write('\n');
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines written so far. */
  public long count() {
    return count;
  }

  /** The target path. */
  public Path target() {
    return file.target();
  }

  /** Moves the written file into place. */
  public void commit() throws IOException {
    file.commit();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
