package dev.quarry.extract.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FileDiffTest {
  static final String SHOW = """
      diff --git a/app/x.py b/app/x.py
      index 1111111..2222222 100644
      --- a/app/x.py
      +++ b/app/x.py
      @@ -10,4 +10,5 @@ def f():
           a = 1
      -    b = 2
      +    b = 3
      +    c = 4
           return a
       
      diff --git a/app/new.py b/app/new.py
      new file mode 100644
      --- /dev/null
      +++ b/app/new.py
      @@ -0,0 +1,2 @@
      +x = 1
      +y = 2
      """;

  @Test
  void parsesFilesHunksAndTheirRangesBeforeAndAfter() {
    List<FileDiff> d = FileDiff.parse(SHOW);
    assertThat(d).extracting(FileDiff::path).containsExactly("app/x.py", "app/new.py");
    assertThat(d.get(0).oldSpan()).containsExactly(10, 13);
    assertThat(d.get(0).newSpan()).containsExactly(10, 14);
    assertThat(d.get(0).oldChanged()).containsExactly(11, 11);
    assertThat(d.get(0).hunks().get(0).addedRanges()).singleElement().satisfies(r -> assertThat(r).containsExactly(11, 12));
    assertThat(d.get(1).created()).isTrue();
    assertThat(d.get(1).oldSpan()).isNull();
    assertThat(d.get(0).changedLines()).isEqualTo(3);
  }

  @Test
  void aChangeOfIndentationOnlyIsWhitespaceOnly() {
    String show = "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1,1 +1,1 @@\n-x  =  1\n+x = 1\n";
    assertThat(FileDiff.parse(show).get(0).whitespaceOnly()).isTrue();
  }

  @Property(tries = 200)
  void renderThenParseGivesTheSameHunks(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 2) Integer> ops,
      @ForAll @IntRange(min = 1, max = 500) int start) {
    List<String> lines = new ArrayList<>();
    int old = 0;
    int neu = 0;
    for (int i = 0; i < ops.size(); i++) {
      String prefix = switch (ops.get(i)) {
        case 0 -> " ";
        case 1 -> "-";
        default -> "+";
      };
      lines.add(prefix + "line " + i);
      old += prefix.equals("+") ? 0 : 1;
      neu += prefix.equals("-") ? 0 : 1;
    }
    FileDiff d = new FileDiff("p.py", false, false, List.of(new FileDiff.Hunk(start, old, start, neu, lines)));
    FileDiff back = FileDiff.parse("diff --git a/p.py b/p.py\n" + d.render() + "\n").get(0);
    assertThat(back.hunks()).isEqualTo(d.hunks());
  }
}
