package dev.quarry.dataset.decontaminate;

import dev.quarry.dataset.ExampleText;
import dev.quarry.model.Example;

/**
 * Word n-gram hashes of an example's non-system text ({@link ExampleText#wordHashes}). A text with fewer
 * than {@code n} words has one n-gram, the whole text, so a short evaluation item still matches its copy.
 * Tokens are words, not BPE tokens: decontamination must not depend on a tokenizer, and on code a word
 * 13-gram is at least as specific as 13 BPE tokens. Thread-safe (stateless).
 */
final class NGrams {
  private NGrams() {}

  static long[] of(Example e, int n) {
    long[] w = ExampleText.wordHashes(e);
    if (w.length == 0) {
      return new long[0];
    }
    int count = Math.max(1, w.length - n + 1);
    long[] out = new long[count];
    for (int s = 0; s < count; s++) {
      long h = 0x6A09E667F3BCC908L;
      int end = Math.min(w.length, s + n);
      for (int i = s; i < end; i++) {
        h = (h + w[i]) * 0xc2b2ae3d27d4eb4fL;
      }
      out[s] = ExampleText.mix(h ^ (end - s));
    }
    return out;
  }
}
