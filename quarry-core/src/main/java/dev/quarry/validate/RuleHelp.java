package dev.quarry.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A rule's help text for SARIF {@code fullDescription} and {@code help}: one Markdown file per rule id under
 * {@code /dev/quarry/validate/help/<id>.md}, whose first paragraph says what the rule finds and why it matters and
 * whose rest says how to fix it. A plug-in rule ships its own file on its class path the same way.
 *
 * @param full the first paragraph, as plain text
 * @param markdown the whole file
 */
record RuleHelp(String full, String markdown) {
  /** The help of {@code ruleId}, when a file exists for it. */
  static Optional<RuleHelp> of(String ruleId) {
    if (!ruleId.matches("[a-z0-9][a-z0-9-]*")) {
      return Optional.empty();
    }
    try (InputStream in = RuleHelp.class.getResourceAsStream("/dev/quarry/validate/help/" + ruleId + ".md")) {
      if (in == null) {
        return Optional.empty();
      }
      String md = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
      int end = md.indexOf("\n\n");
      return Optional.of(new RuleHelp(end < 0 ? md : md.substring(0, end), md));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
