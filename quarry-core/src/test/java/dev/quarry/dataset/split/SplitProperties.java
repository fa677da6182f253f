package dev.quarry.dataset.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ProgressListener;
import dev.quarry.config.SplitSettings;
import dev.quarry.dataset.TestRecords;
import dev.quarry.model.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SplitProperties {
  private static final List<String> CATEGORIES = List.of("sdk", "testing", "agents", "database");
  private static final int MAX_GROUP = 4;

  /** Group key to (category to count); each group has one category, sizes 1..MAX_GROUP. */
  @Provide
  Arbitrary<Map<String, Map<String, Long>>> singleCategoryGroups() {
    return Arbitraries.integers().between(1, MAX_GROUP).list().ofMinSize(1).ofMaxSize(300).flatMap(sizes ->
        Arbitraries.of(CATEGORIES).list().ofSize(sizes.size()).map(cats -> {
          Map<String, Map<String, Long>> g = new TreeMap<>();
          for (int i = 0; i < sizes.size(); i++) {
            g.put("repo:src/f" + i + ".py", Map.of(cats.get(i), (long) sizes.get(i)));
          }
          return g;
        }));
  }

  @Property(tries = 200)
  void proportionsPerCategoryAreWithinTwoGroupsOfTheTarget(
      @ForAll("singleCategoryGroups") Map<String, Map<String, Long>> groups, @ForAll long seed) {
    SplitSettings s = new SplitSettings(0.1, 0.15, seed);
    GroupAssigner.Assignment a = GroupAssigner.assign(groups, s);
    Map<String, long[]> counts = new TreeMap<>();
    groups.forEach((key, cats) -> cats.forEach((c, n) ->
        counts.computeIfAbsent(c, k -> new long[3])[a.byGroup().get(key).ordinal()] += n));
    counts.forEach((c, per) -> {
      long n = per[0] + per[1] + per[2];
      long groupsInCategory = groups.values().stream().filter(m -> m.containsKey(c)).count();
      if (groupsInCategory > 1 && Math.round(n * 0.1) + Math.round(n * 0.15) > 0) {
        assertThat(Math.abs(per[1] - Math.round(n * 0.1))).as(c).isLessThanOrEqualTo(2L * MAX_GROUP);
        assertThat(Math.abs(per[2] - Math.round(n * 0.15))).as(c).isLessThanOrEqualTo(2L * MAX_GROUP);
      } else {
        assertThat(per[1] + per[2]).as(c).isZero();
      }
    });
  }

  @Property(tries = 200)
  void sameSeedGivesTheSameAssignmentWhateverTheMapOrder(
      @ForAll("singleCategoryGroups") Map<String, Map<String, Long>> groups, @ForAll long seed) {
    SplitSettings s = new SplitSettings(0.1, 0.1, seed);
    Map<String, Map<String, Long>> shuffled = new HashMap<>(groups);
    assertThat(GroupAssigner.assign(shuffled, s).byGroup()).isEqualTo(GroupAssigner.assign(groups, s).byGroup());
  }

  @Property(tries = 25)
  void splitNeverPutsOneSourceFileInTwoSplitsAndDropsNothing(@ForAll @IntRange(min = 1, max = 120) int records,
      @ForAll @IntRange(min = 1, max = 40) int files, @ForAll long seed) throws Exception {
    Path dir = Files.createTempDirectory("split-prop");
    List<Example> all = new ArrayList<>();
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int i = 0; i < records; i++) {
      // Files mix categories on purpose: grouping must win over stratification.
      all.add(TestRecords.example("q" + i, "a" + i, CATEGORIES.get(r.nextInt(CATEGORIES.size())),
          "f" + r.nextInt(files) + ".py"));
    }
    Path in = TestRecords.write(dir.resolve("in.jsonl"), all);

    SplitReport rep = new Splitter(new SplitSettings(0.2, 0.2, seed), ProgressListener.NONE).run(in, dir);

    Map<String, SplitName> seen = new HashMap<>();
    long total = 0;
    for (SplitName s : SplitName.values()) {
      for (Example e : TestRecords.read(dir.resolve(s.fileName()))) {
        SplitName before = seen.putIfAbsent(e.source().fileKey(), s);
        assertThat(before).isIn(null, s);
        total++;
      }
    }
    assertThat(total).isEqualTo(records).isEqualTo(rep.in()).isEqualTo(rep.out());
    assertThat(rep.removed()).isZero();
  }
}
