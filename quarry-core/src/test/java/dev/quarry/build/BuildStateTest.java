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
    String before = Fingerprint.repository(repo, repo.resolve("out"));
    Files.writeString(repo.resolve(".git/HEAD"), "ref\n");
    Files.writeString(repo.resolve("out/manifest.json"), "{}\n");
    assertThat(Fingerprint.repository(repo, repo.resolve("out"))).isEqualTo(before);
    Files.writeString(repo.resolve(".github.yml"), "on: push\n");
    assertThat(Fingerprint.repository(repo, repo.resolve("out"))).isNotEqualTo(before);
  }
}
