package dev.quarry.eval.report;

import java.net.URI;
import java.util.Objects;

/**
 * What a report records about how the run was made, besides the results.
 *
 * @param endpoint the server's URL, without credentials or query
 * @param promptsFile the prompts file as given
 * @param promptsSha256 SHA-256 of the prompts file
 * @param temperature sampling temperature
 * @param maxTokens answer token limit
 * @param seed seed of the bootstrap (and of the retry jitter)
 * @param symbolsFile the symbol index file, or "" when none was used
 * @param symbolExamples records the symbol index was built from
 */
public record ReportInfo(String endpoint, String promptsFile, String promptsSha256, double temperature, int maxTokens,
    long seed, String symbolsFile, long symbolExamples) {
  /** Null-checks and strips credentials from the endpoint. */
  public ReportInfo {
    endpoint = withoutSecrets(Objects.requireNonNull(endpoint, "endpoint"));
    Objects.requireNonNull(promptsFile, "promptsFile");
    Objects.requireNonNull(promptsSha256, "promptsSha256");
    Objects.requireNonNull(symbolsFile, "symbolsFile");
  }

  private static String withoutSecrets(String url) {
    try {
      URI u = URI.create(url);
      return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return "(unparseable endpoint)";
    }
  }
}
