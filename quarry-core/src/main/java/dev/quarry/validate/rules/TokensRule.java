package dev.quarry.validate.rules;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import dev.quarry.ConfigException;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Locations;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * The example must fit the training context: its length in tokens of {@code validate.tokenizer}
 * ({@code cl100k_base} or {@code o200k_base}), counted as OpenAI's chat format does (each message costs its
 * content, its role and {@value #PER_MESSAGE} tokens of framing, plus {@value #REPLY} for the reply primer),
 * must not exceed {@code validate.max_tokens}. The format checks of OpenAI's chat fine-tuning (roles, order,
 * empty contents, a final assistant turn) are enforced by the record model itself and rejected as
 * {@code schema} by the reader.
 *
 * <p>Counting uses the ordinary encoder (special-token strings such as {@code <|endoftext|>} in the text count
 * as plain text instead of failing). Every token of these byte-level encodings covers at least one UTF-8 byte,
 * so an example whose byte length plus framing is within the limit is accepted without encoding it.
 */
public final class TokensRule implements Rule {
  static final int PER_MESSAGE = 3;
  static final int REPLY = 3;

  @Override
  public String id() {
    return "tokens";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "the example fits validate.max_tokens in the configured tokenizer";
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    int max = ctx.settings().maxTokens();
    long bound = REPLY;
    for (Message m : e.messages()) {
      bound += PER_MESSAGE + 1 + utf8Length(m.content());
    }
    if (bound <= max) {
      return Stream.empty();
    }
    Encoding enc = encoding(ctx);
    long tokens = REPLY;
    for (Message m : e.messages()) {
      tokens += PER_MESSAGE + 1 + enc.countTokensOrdinary(m.content());
    }
    if (tokens <= max) {
      return Stream.empty();
    }
    return Stream.of(Finding.error(id(), "the example has " + tokens + " tokens of " + ctx.settings().tokenizer()
        + ", over the limit of " + max + " (shorten it, split it, or raise validate.max_tokens)", Locations.RECORD));
  }

  private static Encoding encoding(RuleContext ctx) {
    String name = ctx.settings().tokenizer();
    return ctx.shared("tokens.encoding", () -> Encodings.newLazyEncodingRegistry().getEncoding(name)
        .orElseThrow(() -> new ConfigException(ctx.config().origin() == null ? "quarry.yaml" : ctx.config().origin(), 0,
            "validate.tokenizer \"" + name + "\" is not a known encoding", "use cl100k_base or o200k_base")));
  }

  /** UTF-8 length without encoding: 1 byte for ASCII, 2 to 4 otherwise. */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
