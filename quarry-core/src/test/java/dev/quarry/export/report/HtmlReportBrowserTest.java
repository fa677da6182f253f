package dev.quarry.export.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report in a real headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it) and
 * fails on script errors: the page records {@code window.onerror} in a {@code data-js-errors} attribute, the
 * dumped DOM must not have it and must show that the last inline script ran; console output must hold no
 * "Uncaught". Skipped, with a message, when no chromium is on the PATH.
 */
class HtmlReportBrowserTest {
  @Test
  void rendersInHeadlessChromiumWithoutScriptErrors(@TempDir Path tmp) throws Exception {
    String chromium = chromium();
    assumeTrue(chromium != null, "chromium is not installed: skipping the browser check "
        + "(apt-get install -y --no-install-recommends chromium)");
    Path html = tmp.resolve("report.html");
    HtmlReport.write(html, HtmlReportTest.json("validation.json"), HtmlReportTest.json("distribution.json"),
        HtmlReportTest.CASE.resolve("rejected.jsonl"), HtmlReportTest.CASE.resolve("accepted.jsonl"));
    Path dom = tmp.resolve("dom.html");
    Path log = tmp.resolve("stderr.txt");
    Process p = new ProcessBuilder(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + tmp.resolve("profile"), "--enable-logging=stderr", "--v=0", "--dump-dom",
        html.toUri().toString()))
        .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
    boolean finished = p.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    assertThat(finished).as("chromium finished").isTrue();
    String out = Files.readString(dom, StandardCharsets.UTF_8);
    String err = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("chromium exit code; stderr:\n%s", err).isZero();
    java.util.regex.Matcher root = java.util.regex.Pattern.compile("<html[^>]*>").matcher(out);
    assertThat(root.find()).as("DOM dump has a root element:\n%s", out).isTrue();
    assertThat(root.group()).as("root element after load").contains("data-report-ready=\"yes\"")
        .doesNotContain("data-js-errors");
    assertThat(out).as("DOM dump").contains("<svg");
    assertThat(err).as("browser console").doesNotContain("Uncaught");
  }

  static String chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : new String[] {"chromium", "chromium-browser"}) {
        Path f = Path.of(dir, name);
        if (Files.isExecutable(f)) {
          return f.toString();
        }
      }
    }
    return null;
  }
}
