package dev.quarry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool version, from the build. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version string, e.g. {@code 0.1.0}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
