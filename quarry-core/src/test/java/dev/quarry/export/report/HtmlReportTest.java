package dev.quarry.export.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  static final Path CASE = Path.of("src/test/resources/export/report/basic");

  static ObjectNode json(String name) throws Exception {
    return (ObjectNode) Json.mapper().readTree(CASE.resolve(name).toFile());
  }

  static String render() throws Exception {
    return HtmlReport.render(json("validation.json"), json("distribution.json"), CASE.resolve("rejected.jsonl"),
        CASE.resolve("accepted.jsonl"));
  }

  @Test
  void neverShowsASecretOfARejectedRecord() throws Exception {
    String html = render();
    assertThat(html).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("wJalrXUtnFEMI")
        .doesNotContain("zq8Hw9Lm3Nx7").contains("[redacted] (line flagged by a rule)")
        .contains("[hidden: a sensitive finding without a line]")
        .contains("AWS access key id (redacted)");
  }

  @Test
  void escapesRecordTextSoItCannotInjectMarkup() throws Exception {
    String html = render();
    assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void isSelfContainedWithoutAnyExternalResource() throws Exception {
    String html = render();
    assertThat(html).doesNotContain("<link").doesNotContain(" src=\"").doesNotContain("url(")
        .doesNotContain("@import");
    Matcher m = Pattern.compile("https?://[^\"'\\s<]+").matcher(html);
    while (m.find()) {
      assertThat(m.group()).as("only the SVG namespace may name a URL").isEqualTo("http://www.w3.org/2000/svg");
    }
  }

  @Test
  void drawsEveryChartFromTheReports() throws Exception {
    String html = render();
    assertThat(html).contains("<title>categories</title>", "<title>extractors</title>", "<title>tokens</title>",
        "<title>rules</title>");
    assertThat(html).contains(">1 / 40</text>").contains(">&lt;256</text>").contains(">secrets</text>");
    assertThat(html).contains("<b>8</b><span>checked</span>").contains("<b>98</b><span>tokens p99</span>");
  }

  @Test
  void rendersNaWhenReportsAreMissingAndCountsFromTheFiles() throws Exception {
    String html = HtmlReport.render(null, null, CASE.resolve("rejected.jsonl"), CASE.resolve("accepted.jsonl"));
    assertThat(html).contains("<b>n/a</b><span>checked</span>").contains("<b>4</b><span>rejected</span>")
        .contains("Counted from accepted.jsonl").contains(">&lt;256</text>");
    String empty = HtmlReport.render(null, null, null, null);
    assertThat(empty).contains("<p class=\"na\">n/a</p>");
  }

  @Test
  void isByteIdenticalOnEveryRun(@TempDir Path tmp) throws Exception {
    HtmlReport.write(tmp.resolve("a.html"), json("validation.json"), json("distribution.json"),
        CASE.resolve("rejected.jsonl"), CASE.resolve("accepted.jsonl"));
    HtmlReport.write(tmp.resolve("b.html"), json("validation.json"), json("distribution.json"),
        CASE.resolve("rejected.jsonl"), CASE.resolve("accepted.jsonl"));
    assertThat(Files.readAllBytes(tmp.resolve("b.html"))).isEqualTo(Files.readAllBytes(tmp.resolve("a.html")));
  }
}
