package dev.quarry.dataset;

import dev.quarry.io.Hashing;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * The text of an example as duplicate detection and decontamination see it.
 *
 * <p><b>The system prompt is left out.</b> It is project-wide boilerplate: two examples that differ only in
 * the system prompt teach the same thing (a prompt edit between runs must not let copies survive), and a
 * long shared prompt would inflate the similarity of unrelated examples in near dedup. Roles are kept, so an
 * answer that reappears as a question is not an exact duplicate.
 *
 * <p>Normalisation for exact keys: Unicode NFC, {@code \r\n} and {@code \r} to {@code \n}, every run of
 * whitespace inside a line collapsed to one space, lines trimmed, blank lines dropped. So re-indented or
 * re-wrapped-with-blank-lines copies collide; case and punctuation still count. Thread-safe.
 */
public final class ExampleText {
  private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(Hashing::digest);

  private ExampleText() {}

  /** The normalised conversation without the system prompt, one {@code role\u001e text} block per turn. */
  public static String normalised(Example e) {
    StringBuilder sb = new StringBuilder(textLength(e) + 32);
    for (Message m : e.messages()) {
      if (m.role() == Role.SYSTEM) {
        continue;
      }
      sb.append(m.role().wire()).append('\u001e');
      appendNormalised(sb, m.content());
      sb.append('\u001f');
    }
    return sb.toString();
  }

  /** A 64-bit key of {@link #normalised}: the first 8 bytes of its SHA-256. Equal text, equal key. */
  public static long exactKey(Example e) {
    byte[] h = SHA.get().digest(normalised(e).getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(h, 0, 8).getLong();
  }

  /**
   * The words of the non-system messages as 64-bit hashes, in order. A word is a maximal run of letters,
   * digits or {@code _}, compared case-insensitively; punctuation and whitespace only separate words.
   */
  public static long[] wordHashes(Example e) {
    // Code and prose average well over 4 characters per word plus separator: rarely needs to grow.
    long[] out = new long[Math.max(16, textLength(e) / 4)];
    int n = 0;
    for (Message m : e.messages()) {
      if (m.role() == Role.SYSTEM) {
        continue;
      }
      String s = m.content();
      long h = 0;
      boolean in = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isLetterOrDigit(c) || c == '_') {
          if (!in) {
            h = 0xcbf29ce484222325L;
            in = true;
          }
          h = (h ^ Character.toLowerCase(c)) * 0x100000001b3L;
        } else if (in) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = mix(h);
          in = false;
        }
      }
      if (in) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = mix(h);
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int textLength(Example e) {
    int n = 0;
    for (Message m : e.messages()) {
      if (m.role() != Role.SYSTEM) {
        n += m.content().length();
      }
    }
    return n;
  }

  /** A strong 64-bit finaliser (the one of SplitMix64). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static void appendNormalised(StringBuilder sb, String content) {
    String s = Normalizer.isNormalized(content, Normalizer.Form.NFC)
        ? content : Normalizer.normalize(content, Normalizer.Form.NFC);
    int lineStart = sb.length();
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        if (sb.length() > lineStart) {
          sb.append('\n');
        }
        lineStart = sb.length();
        pendingSpace = false;
      } else if (Character.isWhitespace(c) || c == '\u00a0') {
        pendingSpace = sb.length() > lineStart;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\n') {
      sb.setLength(sb.length() - 1);
    }
  }
}
