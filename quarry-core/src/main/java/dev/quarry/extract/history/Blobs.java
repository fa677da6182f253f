package dev.quarry.extract.history;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads file versions ({@code <commit>:<path>}) through one long-running {@code git cat-file --batch}, so the
 * old and new version of every changed file costs no process start. Not thread-safe; close it when done.
 */
final class Blobs implements AutoCloseable {
  /** Versions larger than this are not read (reported as absent). */
  static final int MAX_BYTES = 1 << 20;
  private final Process process;
  private final OutputStream in;
  private final InputStream out;

  Blobs(Git git) throws GitException {
    this.process = git.start("cat-file", "--batch");
    this.in = process.getOutputStream();
    this.out = new BufferedInputStream(process.getInputStream());
  }

  /** The text of {@code path} at {@code commit}, when it exists, is text and is not too large. */
  Optional<String> read(String commit, String path) throws GitException {
    if (path.indexOf('\n') >= 0) {
      return Optional.empty();
    }
    try {
      in.write((commit + ":" + path + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      String header = line();
      String[] parts = header.split(" ");
      if (parts.length != 3 || !parts[1].equals("blob")) {
        return Optional.empty();
      }
      int size = Integer.parseInt(parts[2]);
      byte[] data = out.readNBytes(size);
      out.read();
      if (data.length != size || size > MAX_BYTES) {
        return Optional.empty();
      }
      for (byte b : data) {
        if (b == 0) {
          return Optional.empty();
        }
      }
      return Optional.of(new String(data, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    } catch (IOException | NumberFormatException e) {
      throw new GitException("git cat-file stopped answering: " + e.getMessage());
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = out.read()) >= 0 && c != '\n') {
      b.write(c);
    }
    if (c < 0) {
      throw new IOException("end of output");
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      in.close();
      process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (IOException e) {
      // the process is ended below either way
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      process.destroy();
    }
  }
}
