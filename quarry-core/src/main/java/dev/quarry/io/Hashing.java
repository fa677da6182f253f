package dev.quarry.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and text, as lower-case hex. */
public final class Hashing {
  private Hashing() {}

  /** SHA-256 of a file's bytes, streamed. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = new byte[1 << 16];
      int n;
      while ((n = in.read(b)) > 0) {
        md.update(b, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A fresh SHA-256 digest. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
