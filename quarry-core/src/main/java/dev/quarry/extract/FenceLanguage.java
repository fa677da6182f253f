package dev.quarry.extract;

import java.util.Locale;

/** The example {@code language} for the info string of a Markdown code fence ({@code py} → {@code python}). */
public final class FenceLanguage {
  private FenceLanguage() {}

  /** The language for {@code info} (its first word), lower case, with common aliases spelled out. */
  public static String of(String info) {
    String i = info.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    switch (i) {
      case "py":
      case "python3":
        return "python";
      case "ts":
      case "tsx":
        return "typescript";
      case "js":
      case "jsx":
      case "mjs":
        return "javascript";
      case "sh":
      case "shell":
      case "console":
      case "zsh":
        return "bash";
      case "yml":
        return "yaml";
      case "":
        return "text";
      default:
        return i;
    }
  }
}
