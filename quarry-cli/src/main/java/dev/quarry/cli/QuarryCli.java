package dev.quarry.cli;

import dev.quarry.QuarryException;
import dev.quarry.Version;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code quarry} command. Wires the verbs once, maps errors to exit codes (SPEC §2) and prints every
 * error as one line {@code quarry: <file>:<line>: <what> (<fix>)}. Only {@link #main} exits.
 */
@Command(name = "quarry", mixinStandardHelpOptions = true, versionProvider = QuarryCli.VersionProvider.class,
    description = "Mines a codebase into a validated, balanced fine-tuning dataset for a code LLM adapter.",
    subcommandsRepeatable = false)
public final class QuarryCli implements Runnable {
  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: findings (e.g. validation errors under --fail-on). */
  public static final int FINDINGS = 1;
  /** Exit code: usage or configuration error. */
  public static final int USAGE = 2;
  /** Exit code: unreadable or malformed input. */
  public static final int INPUT = 3;
  /** Exit code: internal error. */
  public static final int INTERNAL = 4;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a verb is required");
  }

  /** Entry point. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, Terminal.stderrIsTerminal()));
  }

  /** Runs {@code quarry args} with the given streams and returns the exit code. Never calls System.exit. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, false);
  }

  static int run(String[] args, PrintStream out, PrintStream err, boolean interactive) {
    dev.quarry.io.RecordImport.configure(dev.quarry.io.InputFormat.AUTO, null);
    CommandLine cl = new CommandLine(new QuarryCli());
    Verbs.register(cl, new Terminal(out, err, interactive));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("quarry: " + usageMessage(ex));
      return USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, err));
    return cl.execute(args);
  }

  /**
   * One line for a command line picocli could not parse: an unknown verb (or sub-command) is named with the list
   * of valid ones, instead of picocli's "Unmatched argument at index 0".
   */
  static String usageMessage(CommandLine.ParameterException ex) {
    CommandLine cl = ex.getCommandLine();
    String name = cl.getCommandSpec().qualifiedName();
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !cl.getSubcommands().isEmpty()
        && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
      String what = cl.getParent() == null ? "verb" : cl.getCommandName() + " command";
      return "unknown " + what + " \"" + oneLine(u.getUnmatched().get(0)) + "\" (use one of "
          + String.join(", ", cl.getSubcommands().keySet()) + "; see '" + name + " --help')";
    }
    return oneLine(ex.getMessage()) + " (see '" + name + " --help')";
  }

  static int handle(Throwable ex, PrintStream err) {
    Throwable t = ex;
    if (t instanceof UncheckedIOException u && u.getCause() != null) {
      t = u.getCause();
    }
    if (t instanceof QuarryException q) {
      err.println("quarry: " + oneLine(q.getMessage()));
      return q.exitCode();
    }
    if (t instanceof java.nio.file.NoSuchFileException n) {
      err.println("quarry: " + n.getFile() + ": no such file (check the path)");
      return INPUT;
    }
    if (t instanceof java.nio.file.AccessDeniedException a) {
      err.println("quarry: " + a.getFile() + ": permission denied (check the file's permissions)");
      return INPUT;
    }
    if (t instanceof java.io.IOException io) {
      err.println("quarry: I/O error: " + oneLine(String.valueOf(io.getMessage())) + " (check disk space and permissions)");
      return INPUT;
    }
    err.println("quarry: internal error: " + t.getClass().getSimpleName() + ": " + oneLine(String.valueOf(t.getMessage()))
        + " (please report this with the command you ran)");
    if (System.getenv("QUARRY_DEBUG") != null) {
      t.printStackTrace(err);
    }
    return INTERNAL;
  }

  private static String oneLine(String s) {
    return dev.quarry.io.TerminalText.oneLine(s);
  }

  /** Supplies {@code --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"quarry " + Version.get()};
    }
  }
}
