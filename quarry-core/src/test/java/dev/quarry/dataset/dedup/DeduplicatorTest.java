package dev.quarry.dataset.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.config.DedupSettings;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
  @Test
  void bandingForDefaultThresholdIs21BandsOf6Rows() {
    Banding b = Banding.forThreshold(0.8, 128);
    assertThat(b).isEqualTo(new Banding(21, 6));
    assertThat(b.candidateProbability(0.8)).isGreaterThan(0.995);
    assertThat(b.candidateProbability(0.3)).isLessThan(0.02);
  }

  @Test
  void exactJaccardOfSortedSets() {
    assertThat(Deduplicator.jaccard(new int[] {1, 2, 3, 4}, new int[] {2, 3, 4, 5})).isEqualTo(0.6);
    assertThat(Deduplicator.jaccard(new int[] {}, new int[] {})).isEqualTo(1.0);
  }

  @Test
  void signatureEstimateIsCloseToExactJaccard() {
    MinHasher h = Deduplicator.minHasher();
    SplittableRandom r = new SplittableRandom(3);
    long[] a = r.longs(400).toArray();
    long[] b = a.clone();
    for (int i = 0; i < 12; i++) {
      b[r.nextInt(b.length)] = r.nextLong();
    }
    short[] sa = new short[128];
    short[] sb = new short[128];
    h.signature(a, sa, 0);
    h.signature(b, sb, 0);
    assertThat(MinHasher.similarity(sa, 0, sb, 0, 128)).isCloseTo(h.exactJaccard(a, b),
        org.assertj.core.data.Offset.offset(0.12));
  }

  @Test
  void survivorIsBestQualityThenSmallestId() throws Exception {
    Deduplicator d = new Deduplicator(new DedupSettings(DedupSettings.Mode.EXACT, 0.8));
    long[] ids = {5, 3, 9, 1};
    long[] quality = {10, 10, 20, 10};
    long[] keys = {7, 7, 8, 7};

    Resolution res = d.resolve(4, ids, quality, keys, null, new BitSet(), null);

    assertThat(res.survivor(0)).isEqualTo(3);
    assertThat(res.survivor(1)).isEqualTo(3);
    assertThat(res.kept(2)).isTrue();
    assertThat(res.kind(0)).isEqualTo(Resolution.EXACT);
    assertThat(res.exactRemoved()).isEqualTo(2);
    assertThat(res.clusters()).isEqualTo(1);
  }

  @Test
  void excludedRecordsJoinNoCluster() throws Exception {
    Deduplicator d = new Deduplicator(new DedupSettings(DedupSettings.Mode.EXACT, 0.8));
    BitSet excluded = new BitSet();
    excluded.set(0);

    Resolution res = d.resolve(2, new long[] {1, 2}, new long[] {0, 0}, new long[] {7, 7}, null, excluded, null);

    assertThat(res.kind(0)).isEqualTo(Resolution.EXCLUDED);
    assertThat(res.kept(1)).isTrue();
    assertThat(res.exactRemoved()).isZero();
  }
}
