package dev.quarry.dataset.combine;

import dev.quarry.dataset.ExampleText;
import dev.quarry.dataset.dedup.Deduplicator;
import dev.quarry.dataset.dedup.MinHasher;
import dev.quarry.io.ExampleCodec;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Re-reads chosen records by file and line number (known from pass 1) and returns their exact shingle
 * sets. Lines that are not wanted are skipped as bytes, never decoded or parsed, so settling a few
 * thousand close pairs costs one sequential scan of the inputs, not a full parse. Line numbers count
 * {@code \n} exactly as {@link dev.quarry.io.JsonlReader} does.
 */
final class ShingleReload implements Deduplicator.ShingleLoader {
  private final List<Path> inputs;
  private final RecordColumns cols;
  private final MinHasher hasher = Deduplicator.minHasher();

  ShingleReload(List<Path> inputs, RecordColumns cols) {
    this.inputs = inputs;
    this.cols = cols;
  }

  @Override
  public int[][] load(int[] indices) throws IOException {
    int[][] out = new int[indices.length][];
    int k = 0;
    for (int f = 0; f < inputs.size() && k < indices.length; f++) {
      int start = k;
      while (k < indices.length && cols.input[indices[k]] == f) {
        k++;
      }
      if (k > start) {
        readLines(inputs.get(f), indices, start, k, out);
      }
    }
    return out;
  }

  private void readLines(Path file, int[] indices, int from, int to, int[][] out) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long lineNo = 1;
      int next = from;
      int n;
      while (next < to && (n = in.read(buf)) > 0) {
        int segment = 0;
        for (int i = 0; i < n && next < to; i++) {
          if (buf[i] != '\n') {
            continue;
          }
          if (cols.line[indices[next]] == lineNo) {
            line.write(buf, segment, i - segment);
            out[next++] = shingles(line.toByteArray());
          }
          line.reset();
          segment = i + 1;
          lineNo++;
        }
        if (next < to && cols.line[indices[next]] == lineNo) {
          line.write(buf, segment, n - segment);
        }
      }
      if (next < to && line.size() > 0) {
        out[next++] = shingles(line.toByteArray());
      }
      if (next < to) {
        throw new IllegalStateException(file + " changed while combine was running");
      }
    }
  }

  private int[] shingles(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Example e = ExampleCodec.fromJson(Json.mapper().readTree(text.strip()));
    long[] words = ExampleText.wordHashes(e);
    long[] sh = hasher.shingles(words.length > 0 ? words : new long[] {ExampleText.exactKey(e)});
    int[] h = new int[sh.length];
    for (int i = 0; i < sh.length; i++) {
      h[i] = (int) (sh[i] ^ (sh[i] >>> 32));
    }
    Arrays.sort(h);
    return Arrays.stream(h).distinct().toArray();
  }
}
