package dev.quarry.dataset.bench;

import dev.quarry.dataset.ExampleText;
import dev.quarry.dataset.dedup.Deduplicator;
import dev.quarry.dataset.dedup.MinHasher;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import dev.quarry.model.Source;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes N records of about 2 KB with planted duplicates, and their ground truth.
 *
 * <p>Position {@code i} is a base record, an exact duplicate or a near duplicate, decided by a hash of the
 * seed and {@code i} ({@code exactShare}, {@code nearShare}). A duplicate copies an earlier base record,
 * regenerated from its seed (so nothing is held in memory), under another source path: an exact duplicate
 * is identical or differs only in whitespace and line endings; a near duplicate has 1 to 4 word edits
 * (substitutions, insertions, deletions). The truth file has one line per planted duplicate:
 * {@code dup_id <TAB> base_id <TAB> exact|near <TAB> jaccard}, the Jaccard similarity being exact, over word
 * 5-shingles, as near dedup defines it. Deterministic: the same N, seed and shares give the same bytes.
 */
public final class CorpusGenerator {
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private final long seed;
  private final double exactShare;
  private final double nearShare;
  private final MinHasher shingler = Deduplicator.minHasher();

  /**
   * @param seed seed of everything
   * @param exactShare share of positions that are exact duplicates, in [0, 1)
   * @param nearShare share of positions that are near duplicates; exactShare + nearShare below 1
   */
  public CorpusGenerator(long seed, double exactShare, double nearShare) {
    if (exactShare < 0 || nearShare < 0 || exactShare + nearShare >= 1) {
      throw new IllegalArgumentException("shares must be >= 0 and sum to less than 1");
    }
    this.seed = seed;
    this.exactShare = exactShare;
    this.nearShare = nearShare;
  }

  /** What was written. @param records lines written @param exact exact duplicates @param near near duplicates */
  public record Counts(long records, long exact, long near) {}

  /** Writes {@code n} records to {@code out} and the ground truth to {@code truth}. */
  public Counts generate(long n, Path out, Path truth) throws IOException {
    long exact = 0;
    long near = 0;
    try (JsonlWriter w = JsonlWriter.open(out); AtomicFile t = AtomicFile.create(truth)) {
      Writer tw = new OutputStreamWriter(t.out(), StandardCharsets.UTF_8);
      tw.write("# dup_id\tbase_id\tkind\tjaccard\n");
      for (long i = 0; i < n; i++) {
        Kind kind = kind(i);
        long base = kind == Kind.BASE ? i : earlierBase(i);
        if (base < 0) {
          kind = Kind.BASE;
          base = i;
        }
        Example b = RecordFactory.base(recordSeed(base));
        if (kind == Kind.BASE) {
          w.write(b);
          continue;
        }
        SplittableRandom r = new SplittableRandom(recordSeed(i) ^ 0x5DEECE66DL);
        Example d = kind == Kind.EXACT ? exactCopy(b, r, i) : nearCopy(b, r, i);
        w.write(d);
        double j = shingler.exactJaccard(ExampleText.wordHashes(b), ExampleText.wordHashes(d));
        tw.write(d.id() + "\t" + b.id() + "\t" + (kind == Kind.EXACT ? "exact" : "near") + "\t"
            + String.format(java.util.Locale.ROOT, "%.4f", j) + "\n");
        if (kind == Kind.EXACT) {
          exact++;
        } else {
          near++;
        }
      }
      tw.flush();
      w.commit();
      t.commit();
      return new Counts(w.count(), exact, near);
    }
  }

  private enum Kind { BASE, EXACT, NEAR }

  private Kind kind(long i) {
    if (i == 0) {
      return Kind.BASE;
    }
    double u = (ExampleText.mix(seed * 31 + i) >>> 11) * 0x1.0p-53;
    return u < exactShare ? Kind.EXACT : u < exactShare + nearShare ? Kind.NEAR : Kind.BASE;
  }

  private long earlierBase(long i) {
    SplittableRandom r = new SplittableRandom(recordSeed(i) ^ 0x9E3779B97F4A7C15L);
    for (int attempt = 0; attempt < 64; attempt++) {
      long k = r.nextLong(i);
      if (kind(k) == Kind.BASE) {
        return k;
      }
    }
    return -1;
  }

  private long recordSeed(long i) {
    return ExampleText.mix(seed ^ (i * 0x9E3779B97F4A7C15L));
  }

  private static Example exactCopy(Example b, SplittableRandom r, long i) {
    List<Message> ms = b.messages();
    if (r.nextBoolean()) {
      List<Message> out = new ArrayList<>();
      for (Message m : ms) {
        out.add(m.role() == Role.SYSTEM ? m : m.withContent(m.content().replace("\n", "  \r\n").replace(". ", ".  ")
            + "\n"));
      }
      ms = out;
    }
    return relocated(b.withMessages(ms), i);
  }

  private static Example nearCopy(Example b, SplittableRandom r, long i) {
    List<Message> out = new ArrayList<>(b.messages());
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int idx = r.nextInt(5) == 0 ? 1 : out.size() - 1;
      out.set(idx, out.get(idx).withContent(edit(out.get(idx).content(), r)));
    }
    return relocated(b.withMessages(out), i);
  }

  private static String edit(String text, SplittableRandom r) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    int[] s = spans.get(r.nextInt(spans.size()));
    String w = RecordFactory.word(r) + "_" + RecordFactory.word(r);
    return switch (r.nextInt(3)) {
      case 0 -> text.substring(0, s[0]) + w + text.substring(s[1]);
      case 1 -> text.substring(0, s[1]) + " " + w + text.substring(s[1]);
      default -> text.substring(0, s[0]) + text.substring(Math.min(text.length(), s[1] + 1));
    };
  }

  private static Example relocated(Example e, long i) {
    Source s = e.source();
    return new Example(null, e.messages(), e.category(), e.language(),
        new Source(s.extractor(), s.repo(), "copies/" + Long.toHexString(i) + "/" + s.path(), s.lines(),
            s.symbol(), s.commit()), e.tags(), e.meta(), e.extra());
  }
}
