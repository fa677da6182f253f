package dev.quarry.dataset.analyze;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import dev.quarry.ConfigException;

/**
 * Counts tokens with a tiktoken-compatible encoding. Uses the "ordinary" entry points only: dataset text
 * is untrusted and may contain special-token strings such as {@code <|endoftext|>}, which must count as
 * plain text rather than throw. Thread-safe.
 */
final class TokenCounter {
  private final Encoding encoding;

  private TokenCounter(Encoding encoding) {
    this.encoding = encoding;
  }

  /**
   * @param name encoding name, e.g. {@code cl100k_base}
   * @param configFile the configuration file for the error message, or null
   * @throws ConfigException when the name is unknown
   */
  static TokenCounter of(String name, String configFile) {
    return new TokenCounter(Encodings.newLazyEncodingRegistry().getEncoding(name).orElseThrow(() ->
        new ConfigException(configFile, 0, "validate.tokenizer \"" + name + "\" is not a known encoding",
            "use cl100k_base or o200k_base")));
  }

  int count(String text) {
    return encoding.countTokensOrdinary(text);
  }
}
