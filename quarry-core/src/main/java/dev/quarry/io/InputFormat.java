package dev.quarry.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The record formats every verb that reads records accepts (issue 15). Detection looks at one record's keys:
 * {@code conversations} is ShareGPT; {@code instruction} is Alpaca; {@code messages} with {@code source},
 * {@code category} and {@code language} is a Quarry record, {@code messages} without them OpenAI chat. A file's
 * format is its first record's; every later record must be of the same family (ShareGPT, Alpaca, or the
 * messages family, where Quarry and OpenAI lines may mix since a Quarry record is an OpenAI record with more
 * fields).
 */
public enum InputFormat {
  /** Detect per file (the default). */
  AUTO,
  /** Quarry records (SPEC §1), read strictly. */
  QUARRY,
  /** OpenAI chat fine-tuning records: {@code messages}, optional {@code tools}, {@code weight}. */
  OPENAI,
  /** ShareGPT: {@code conversations} of {@code from}/{@code value} turns, optional {@code system}. */
  SHAREGPT,
  /** Alpaca: {@code instruction}, {@code input}, {@code output}, optional {@code system}, {@code history}. */
  ALPACA;

  /** The name on the command line and in {@code meta.input_format}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code s}, case-insensitive. */
  public static Optional<InputFormat> fromWire(String s) {
    return Arrays.stream(values()).filter(f -> f.wire().equalsIgnoreCase(s.strip())).findFirst();
  }

  /** The format of one record, or empty when its keys name none. */
  public static Optional<InputFormat> detect(JsonNode record) {
    if (!record.isObject()) {
      return Optional.empty();
    }
    if (record.has("conversations")) {
      return Optional.of(SHAREGPT);
    }
    if (record.has("instruction")) {
      return Optional.of(ALPACA);
    }
    if (record.has("messages")) {
      boolean quarry = record.has("source") && record.has("category") && record.has("language");
      return Optional.of(quarry ? QUARRY : OPENAI);
    }
    return Optional.empty();
  }

  /** Whether records of this format and of {@code other} may share a file. */
  public boolean sameFamily(InputFormat other) {
    return this == other || (messagesFamily() && other.messagesFamily());
  }

  private boolean messagesFamily() {
    return this == QUARRY || this == OPENAI;
  }
}
