package dev.quarry.validate.exec;

/**
 * The limits of one sandboxed run ({@code validate.execute.*} in quarry.yaml).
 *
 * @param wallSeconds wall-clock time before the run is killed and reported as {@code timeout}
 * @param cpuSeconds CPU time (RLIMIT_CPU)
 * @param memoryMb address space (RLIMIT_AS), in MiB
 * @param fileMb largest file the run may write (RLIMIT_FSIZE), in MiB
 * @param processes processes of the sandbox user (RLIMIT_NPROC)
 */
public record SandboxLimits(int wallSeconds, int cpuSeconds, int memoryMb, int fileMb, int processes) {
  /** Validates that every limit is positive. */
  public SandboxLimits {
    if (wallSeconds <= 0 || cpuSeconds <= 0 || memoryMb <= 0 || fileMb <= 0 || processes <= 0) {
      throw new IllegalArgumentException("sandbox limits must be positive");
    }
  }

  /** 30 s wall, 20 s CPU, 2 GiB of address space, 64 MiB files, 64 processes. */
  public static SandboxLimits defaults() {
    return new SandboxLimits(30, 20, 2048, 64, 64);
  }

  /** These limits with {@code mb} MiB of address space (type checkers on node need more than tests). */
  public SandboxLimits withMemoryMb(int mb) {
    return new SandboxLimits(wallSeconds, cpuSeconds, mb, fileMb, processes);
  }
}
