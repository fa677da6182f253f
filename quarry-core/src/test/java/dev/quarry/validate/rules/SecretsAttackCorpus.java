package dev.quarry.validate.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The secrets attack corpus of {@code src/test/resources/validate/secrets-attack/} (its README describes the
 * format), with every placeholder filled by a value generated from a seeded RNG.
 */
public final class SecretsAttackCorpus {
  /** Values shorter than this are parts of a secret (a 3-character prefix), not checked on their own. */
  public static final int CHECKED_LENGTH = 6;

  private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z0-9]+):([a-z0-9]+):(\\d+)\\}\\}");
  private static final Map<String, String> ALPHABETS = Map.ofEntries(
      Map.entry("alnum", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
      Map.entry("letters", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
      Map.entry("lower", "abcdefghijklmnopqrstuvwxyz"),
      Map.entry("upper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
      Map.entry("b32", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
      Map.entry("bech32", "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
      Map.entry("hex", "0123456789abcdef"),
      Map.entry("digits", "0123456789"),
      Map.entry("b64", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
      Map.entry("b64url", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"),
      Map.entry("pw", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&#!@%^*"));

  /**
   * One planted file.
   *
   * @param family the corpus file's name without {@code .txt}
   * @param path where it is planted in a repository
   * @param text the filled template
   * @param values the generated values, by placeholder name, in order
   */
  public record Planted(String family, String path, String text, Map<String, String> values) {
    /** The values long enough to be checked on their own. */
    public List<String> checked() {
      return values.values().stream().filter(v -> v.length() >= CHECKED_LENGTH).toList();
    }
  }

  private SecretsAttackCorpus() {}

  /** The seed: {@code -Dquarry.attack.seed}, else a fixed one. */
  public static long seed() {
    return Long.getLong("quarry.attack.seed", 20261202L);
  }

  /** Every template of every family, filled from {@code rng}, in file-name order. */
  public static List<Planted> generate(Random rng) {
    List<Planted> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String family = f.getFileName().toString().replaceFirst("\\.txt$", "");
        String[] blocks = Files.readString(f, StandardCharsets.UTF_8).split("(?m)^@@ ");
        for (String b : blocks) {
          if (b.isBlank()) {
            continue;
          }
          int nl = b.indexOf('\n');
          out.add(fill(family, b.substring(0, nl).trim(), b.substring(nl + 1), rng));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Planted fill(String family, String path, String template, Random rng) {
    Map<String, String> values = new LinkedHashMap<>();
    Matcher m = SLOT.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.computeIfAbsent(m.group(1), k -> value(m.group(2), Integer.parseInt(m.group(3)), rng));
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return new Planted(family, path, sb.toString(), values);
  }

  /** A random value of {@code length} characters of {@code alphabet}; a {@code pw} has a digit, capital, symbol. */
  public static String value(String alphabet, int length, Random rng) {
    String chars = ALPHABETS.get(alphabet);
    if (chars == null) {
      throw new IllegalArgumentException("unknown alphabet " + alphabet);
    }
    while (true) {
      StringBuilder sb = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        sb.append(chars.charAt(rng.nextInt(chars.length())));
      }
      String v = sb.toString();
      if (!alphabet.equals("pw") || (v.matches(".*\\d.*") && v.matches(".*[A-Z].*") && v.matches(".*[&#!@%^*].*"))) {
        return v;
      }
    }
  }

  /**
   * Writes the corpus for a measurement by hand: {@code args[0]/repo/<path>} for {@code quarry build} and
   * {@code args[0]/records.jsonl} (one record per template) for {@code quarry validate}, plus
   * {@code args[0]/values.txt} (family TAB value) to grep the outputs for.
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    List<String> records = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Planted p : generate(new Random(seed()))) {
      Path f = root.resolve("repo").resolve(p.path());
      Files.createDirectories(f.getParent());
      Files.writeString(f, p.text(), StandardCharsets.UTF_8);
      records.add(dev.quarry.io.Json.mapper().writeValueAsString(dev.quarry.io.ExampleCodec.toJson(
          dev.quarry.validate.Records.answer("From `" + p.path() + "`:\n\n```\n" + p.text() + "\n```"))));
      p.checked().forEach(v -> values.add(p.family() + "\t" + v));
    }
    Files.write(root.resolve("records.jsonl"), records, StandardCharsets.UTF_8);
    Files.write(root.resolve("values.txt"), values, StandardCharsets.UTF_8);
  }

  private static Path dir() {
    try {
      return Path.of(SecretsAttackCorpus.class.getResource("/validate/secrets-attack/README.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
