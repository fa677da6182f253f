package dev.quarry.cli;

import dev.quarry.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Renders progress events as a console progress bar on stderr. */
final class BarProgress implements ProgressListener {
  private final PrintStream err;
  private ProgressBar bar;

  BarProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void start(String task, long total) {
    done();
    bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
        .setUpdateIntervalMillis(200).build();
  }

  @Override
  public void advance(long steps) {
    if (bar != null) {
      bar.stepBy(steps);
    }
  }

  @Override
  public void done() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
