package dev.quarry.synth;

import dev.quarry.dataset.decontaminate.DecontaminationSettings;
import dev.quarry.dataset.decontaminate.EvalIndex;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * After a split: removes from train the synthetic examples that overlap a held-out split (at the decontamination
 * threshold). A synthetic example evolved from a seed that landed in test would otherwise teach the test answer;
 * the synthetic side loses, never the mined held-out records, which stay the references evaluation scores against.
 */
public final class HeldOutGuard {
  private HeldOutGuard() {}

  /**
   * Rewrites {@code train} (atomically) without the overlapping synthetic examples.
   *
   * @param heldOut validation and test files; missing ones are skipped
   * @return synthetic examples removed
   * @throws IOException when train cannot be rewritten
   */
  public static long dropOverlapping(Path train, List<Path> heldOut) throws IOException {
    List<Path> present = heldOut.stream().filter(Files::isRegularFile).toList();
    if (present.isEmpty() || !Files.isRegularFile(train)) {
      return 0;
    }
    DecontaminationSettings d = DecontaminationSettings.defaults();
    EvalIndex index = EvalIndex.build(present, d.n());
    long dropped = 0;
    try (JsonlWriter w = JsonlWriter.open(train); Stream<Example> s = JsonlReader.examples(train)) {
      for (Iterator<Example> it = s.iterator(); it.hasNext(); ) {
        Example e = it.next();
        if (e.tags().contains(Synthesizer.TAG) && index.overlap(e) >= d.threshold()) {
          dropped++;
        } else {
          w.write(e);
        }
      }
      w.commit();
    }
    return dropped;
  }
}
