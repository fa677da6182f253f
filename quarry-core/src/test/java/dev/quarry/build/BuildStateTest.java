package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateTest {
  private static final ObjectNode COUNTS = JsonNodeFactory.instance.objectNode().put("in", 3);

  private static BuildState recorded(Path out) throws Exception {
    Files.writeString(out.resolve("in.jsonl"), "a\n");
    Files.writeString(out.resolve("out.jsonl"), "b\n");
    BuildState s = BuildState.empty();
    s.record("validate", "cfg1", Fingerprint.files(out, List.of(out.resolve("in.jsonl"))),
        Fingerprint.files(out, List.of(out.resolve("out.jsonl"))), COUNTS);
    s.write(out);
    return BuildState.load(out);
  }

  @Test
  void reusesAStageWhoseConfigInputsAndOutputsAreUnchanged(@TempDir Path out) throws Exception {
    BuildState s = recorded(out);
    assertThat(s.reusable("validate", "cfg1", Fingerprint.files(out, List.of(out.resolve("in.jsonl"))), out))
        .contains(COUNTS);
    assertThat(s.outputs("validate")).containsExactly("out.jsonl");
  }

  @Test
  void rerunsWhenTheConfigHashChanges(@TempDir Path out) throws Exception {
    BuildState s = recorded(out);
    assertThat(s.reusable("validate", "cfg2", Fingerprint.files(out, List.of(out.resolve("in.jsonl"))), out)).isEmpty();
  }

  @Test
  void rerunsWhenAnInputChanges(@TempDir Path out) throws Exception {
    BuildState s = recorded(out);
    Files.writeString(out.resolve("in.jsonl"), "changed\n");
    assertThat(s.reusable("validate", "cfg1", Fingerprint.files(out, List.of(out.resolve("in.jsonl"))), out)).isEmpty();
  }

  @Test
  void rerunsWhenAnOutputWasEditedOrDeleted(@TempDir Path out) throws Exception {
    BuildState s = recorded(out);
    Map<String, String> in = Fingerprint.files(out, List.of(out.resolve("in.jsonl")));
    Files.writeString(out.resolve("out.jsonl"), "edited\n");
    assertThat(s.reusable("validate", "cfg1", in, out)).isEmpty();
    Files.delete(out.resolve("out.jsonl"));
    assertThat(s.reusable("validate", "cfg1", in, out)).isEmpty();
  }

  @Test
  void aDamagedStateFileMeansNothingIsReusable(@TempDir Path out) throws Exception {
    Files.writeString(out.resolve(BuildState.FILE), "{not json");
    assertThat(BuildState.load(out).reusable("validate", "cfg1", Map.of(), out)).isEmpty();
  }

  @Test
  void repositoryDigestIgnoresGitAndTheBuildFolderButSeesEveryOtherFile(@TempDir Path repo) throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("out"));
    Files.writeString(repo.resolve("a.py"), "x = 1\n");
    String before = digest(repo);
    Files.writeString(repo.resolve(".git/HEAD"), "ref\n");
    Files.writeString(repo.resolve("out/manifest.json"), "{}\n");
    assertThat(digest(repo)).isEqualTo(before);
    Files.writeString(repo.resolve(".github.yml"), "on: push\n");
    assertThat(digest(repo)).isNotEqualTo(before);
  }

  @Test
  void repositoryDigestReadsWhatTheWalkReadsNoLinksNoIgnoredFilesAndNeverFailsOnAnUnreadableOne(
      @TempDir Path repo, @TempDir Path elsewhere) throws Exception {
    Files.writeString(repo.resolve("a.py"), "x = 1\n");
    Files.writeString(repo.resolve(".gitignore"), "secret.txt\n");
    Files.writeString(elsewhere.resolve("big.bin"), "outside\n");
    Files.createSymbolicLink(repo.resolve("link"), elsewhere.resolve("big.bin"));
    Files.writeString(repo.resolve("secret.txt"), "one\n");
    String before = digest(repo);
    Files.writeString(elsewhere.resolve("big.bin"), "changed outside\n");
    Files.writeString(repo.resolve("secret.txt"), "two\n");
    assertThat(digest(repo)).as("link target and ignored file are not read").isEqualTo(before);
    Path locked = Files.writeString(repo.resolve("locked.py"), "y = 2\n");
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    try {
      assertThat(digest(repo)).isNotEqualTo(before);
    } finally {
      Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static String digest(Path repo) throws java.io.IOException {
    return Fingerprint.repository(dev.quarry.extract.Repository.open(repo, dev.quarry.ProgressListener.NONE,
        java.util.Set.of(repo.toRealPath().resolve("out"))));
  }
}
