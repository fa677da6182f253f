package dev.quarry.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class HtmlEscapePropertiesTest {
  @Property(tries = 500)
  void escapedTextHasNoMarkupCharacters(@ForAll String text) {
    assertThat(HtmlReport.esc(text)).doesNotContain("<", ">", "\"", "'");
  }
}
