package dev.quarry.eval.client;

import dev.quarry.io.TerminalText;
import dev.quarry.validate.rules.SecretsRule;
import java.util.Optional;

/**
 * What a server sent, made fit to show: the API key masked wherever it appears (also JSON-escaped, as a server
 * echoing the {@code Authorization} header writes it), and — for messages — on one line, shortened, with
 * control and escape characters neutralised ({@link TerminalText}). The key is masked as
 * {@code <REDACTED:api-key …[sha256:1a2b3c4d]>}, the fingerprint the secrets rule uses, so two runs can be told
 * apart without the key. Other secrets are the runner's job ({@code AnswerRedactor}), which knows the allow-list.
 */
final class ServerText {
  /** The longest message kept from an error body, in characters. */
  static final int MAX_MESSAGE_CHARS = 200;

  private final String key;
  private final String escapedKey;
  private final String mark;

  ServerText(Optional<String> apiKey) {
    this.key = apiKey.filter(k -> !k.isEmpty()).orElse(null);
    this.escapedKey = key == null ? null : key.replace("\\", "\\\\").replace("/", "\\/").replace("\"", "\\\"");
    this.mark = key == null ? "" : SecretsRule.placeholder("api-key", SecretsRule.fingerprint(key));
  }

  /** {@code s} with the key masked; the same string when it does not occur. */
  String masked(String s) {
    if (key == null || s == null) {
      return s;
    }
    String out = s.replace(key, mark);
    return escapedKey.equals(key) ? out : out.replace(escapedKey, mark);
  }

  /** {@code s} masked, neutralised, on one line, at most {@link #MAX_MESSAGE_CHARS} characters. */
  String message(String s) {
    String m = TerminalText.oneLine(masked(s)).replaceAll(" {2,}", " ");
    return m.length() > MAX_MESSAGE_CHARS ? m.substring(0, MAX_MESSAGE_CHARS) + "…" : m;
  }
}
