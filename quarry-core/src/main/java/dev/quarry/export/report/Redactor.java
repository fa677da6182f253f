package dev.quarry.export.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text shown by the report. Two layers: the lines a {@code secrets} or {@code pii} finding
 * pointed at are replaced whole (see {@link HtmlReport}), and every shown text also goes through
 * {@link #scrub}, which masks well-known credential shapes (cloud and VCS tokens, private keys, JWTs,
 * credentials in URLs, {@code password = …} assignments) even where no rule fired.
 */
final class Redactor {
  static final String MASK = "[redacted]";

  private static final List<Pattern> WHOLE = List.of(
      Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|\\z)"),
      Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
      Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}\\b"),
      Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{30,}\\b"),
      Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}\\b"),
      Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}\\b"),
      Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}\\b"),
      Pattern.compile("\\bsk_(live|test)_[A-Za-z0-9]{16,}\\b"),
      Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\b"));
  private static final Pattern URL_CREDENTIALS = Pattern.compile("(://[^/\\s:@]+:)([^@\\s/]+)(@)");
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(?i)((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)"
          + "[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;]{6,})");

  private Redactor() {}

  /** {@code text} with every recognised credential replaced by {@value #MASK}. */
  static String scrub(String text) {
    String t = text;
    for (Pattern p : WHOLE) {
      t = p.matcher(t).replaceAll(MASK);
    }
    t = URL_CREDENTIALS.matcher(t).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
    return ASSIGNMENT.matcher(t).replaceAll("$1" + Matcher.quoteReplacement(MASK));
  }
}
