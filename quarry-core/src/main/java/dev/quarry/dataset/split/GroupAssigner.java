package dev.quarry.dataset.split;

import dev.quarry.config.SplitSettings;
import dev.quarry.io.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assigns whole groups (source files) to splits, stratified by category. Each group belongs to the stratum
 * of its majority category (ties: the smallest name). Within a stratum, groups are visited in the order of
 * a seeded SHA-256 of their key (then the key), never map order, and each goes to the split furthest below
 * its target count ({@code round(n * share)}; ties go to train, then validation). A stratum whose targets
 * round to zero, or with a single group, goes to train whole, and is noted. Pure and deterministic.
 */
final class GroupAssigner {
  private GroupAssigner() {}

  /**
   * The outcome.
   *
   * @param byGroup split of every group key
   * @param notes per category, why it was not split as asked
   */
  record Assignment(Map<String, SplitName> byGroup, Map<String, String> notes) {}

  /** @param groups group key to (category to count), sorted or not */
  static Assignment assign(Map<String, Map<String, Long>> groups, SplitSettings settings) {
    Map<String, List<Group>> strata = new TreeMap<>();
    for (Map.Entry<String, Map<String, Long>> g : groups.entrySet()) {
      String major = null;
      long best = -1;
      long total = 0;
      for (Map.Entry<String, Long> c : new TreeMap<>(g.getValue()).entrySet()) {
        total += c.getValue();
        if (c.getValue() > best) {
          best = c.getValue();
          major = c.getKey();
        }
      }
      strata.computeIfAbsent(major, k -> new ArrayList<>()).add(new Group(g.getKey(), total,
          order(settings.seed(), g.getKey())));
    }
    Map<String, SplitName> byGroup = new HashMap<>();
    Map<String, String> notes = new TreeMap<>();
    for (Map.Entry<String, List<Group>> s : strata.entrySet()) {
      assignStratum(s.getKey(), s.getValue(), settings, byGroup, notes);
    }
    return new Assignment(byGroup, notes);
  }

  private static void assignStratum(String category, List<Group> groups, SplitSettings settings,
      Map<String, SplitName> byGroup, Map<String, String> notes) {
    groups.sort(Comparator.comparingLong(Group::order).thenComparing(Group::key));
    long n = groups.stream().mapToLong(Group::size).sum();
    EnumMap<SplitName, Long> target = new EnumMap<>(SplitName.class);
    target.put(SplitName.VALIDATION, Math.round(n * settings.validation()));
    target.put(SplitName.TEST, Math.round(n * settings.test()));
    target.put(SplitName.TRAIN, n - target.get(SplitName.VALIDATION) - target.get(SplitName.TEST));
    boolean wantsHeldOut = target.get(SplitName.VALIDATION) + target.get(SplitName.TEST) > 0;
    if (!wantsHeldOut || groups.size() == 1) {
      groups.forEach(g -> byGroup.put(g.key(), SplitName.TRAIN));
      if (settings.validation() + settings.test() > 0) {
        notes.put(category, !wantsHeldOut
            ? n + " examples: too few for the validation/test shares; all in train"
            : "all " + n + " examples come from one source file; all in train");
      }
      return;
    }
    EnumMap<SplitName, Long> have = new EnumMap<>(SplitName.class);
    for (SplitName s : SplitName.values()) {
      have.put(s, 0L);
    }
    for (Group g : groups) {
      SplitName pick = SplitName.TRAIN;
      for (SplitName s : SplitName.values()) {
        if (target.get(s) - have.get(s) > target.get(pick) - have.get(pick)) {
          pick = s;
        }
      }
      have.merge(pick, g.size(), Long::sum);
      byGroup.put(g.key(), pick);
    }
    List<String> missed = new ArrayList<>();
    for (SplitName s : List.of(SplitName.VALIDATION, SplitName.TEST)) {
      if (target.get(s) > 0 && have.get(s) == 0) {
        missed.add(s.wire() + " got 0 of " + target.get(s));
      }
    }
    if (!missed.isEmpty()) {
      notes.put(category, String.join(", ", missed) + ": its source files are too large to split finer");
    }
  }

  /** The seeded position of a group: first 8 bytes of SHA-256 over seed and key. */
  static long order(long seed, String key) {
    byte[] h = Hashing.digest().digest((seed + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(h, 0, 8).getLong();
  }

  private record Group(String key, long size, long order) {}
}
