package dev.quarry.extract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class DocFormatsPropertiesTest {
  @Property(tries = 500)
  void mdxKeepsOneLinePerInputLineWhateverTheTags(
      @ForAll @StringLength(max = 200) @Chars({'<', '>', '/', '{', '}', '`', '\n', ' ', 'A', 'a', '=', '*', 'i'}) String text) {
    assertThat(MdxText.toMarkdown(text).split("\n", -1)).hasSameSizeAs(text.split("\n", -1));
  }

  @Property(tries = 500)
  void rstNeverLosesALineAndGainsOnlyClosingFences(
      @ForAll @StringLength(max = 200) @Chars({'=', '-', ':', '.', ' ', 'T', 'x', '`', '\n'}) String body) {
    String text = body + "\n\nend";
    String out = RstText.toMarkdown(text);
    // Only a block not closed by a blank line (malformed reStructuredText) gains a line for its closing fence.
    assertThat(out.split("\n", -1).length - text.split("\n", -1).length).isBetween(0, 64);
  }
}
