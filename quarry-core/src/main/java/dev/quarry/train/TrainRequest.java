package dev.quarry.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code quarry train} was asked to do.
 *
 * @param trainer the trainer to launch
 * @param exportDir the export folder holding {@code <trainer>/} and the data ({@code out/export})
 * @param python the Python interpreter the trainer runs in
 * @param maxSteps stop after this many optimizer steps (a smoke run), or 0 for the config's epochs
 * @param model a base model id or path replacing the config's, or {@code null}
 * @param outputDir where the adapter goes instead of the config's {@code output_dir}, or {@code null}
 * @param cpu train on the CPU in float32 (a smoke run; TRL and LLaMA-Factory only)
 * @param settings further {@code KEY=VALUE} settings for the trainer, in its own key names
 * @param env environment variables for the trainer's process, on top of quarry's own
 */
public record TrainRequest(Trainer trainer, Path exportDir, String python, int maxSteps, String model, Path outputDir,
    boolean cpu, List<String> settings, Map<String, String> env) {
  /** Copies the collections. */
  public TrainRequest {
    settings = List.copyOf(settings);
    env = Map.copyOf(env);
  }

  /** The trainer's config folder, {@code <exportDir>/<trainer>}. */
  public Path configFolder() {
    return exportDir.resolve(trainer.wire());
  }
}
