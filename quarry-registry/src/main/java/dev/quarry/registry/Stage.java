package dev.quarry.registry;

import dev.quarry.UsageException;
import java.util.Locale;

/** Where an adapter is in its life: registered, serving on staging, or the production adapter of its base model. */
public enum Stage {
  REGISTERED,
  STAGING,
  PRODUCTION;

  /** The name stored in the database and shown to users, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a stage name, case-insensitively.
   *
   * @throws UsageException naming the valid stages
   */
  public static Stage parse(String s) {
    for (Stage st : values()) {
      if (st.wire().equalsIgnoreCase(s.strip())) {
        return st;
      }
    }
    throw new UsageException("unknown stage \"" + s + "\"", "use registered, staging or production");
  }
}
