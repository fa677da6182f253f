package dev.quarry.registry;

import dev.quarry.UsageException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes the snippet a serving backend needs to load adapters: a {@code vllm serve} command line per base
 * model, or a LiteLLM {@code model_list}. The API key is referenced by environment variable, never written.
 */
public final class ServeConfig {
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._/:=@%+-]+");

  private ServeConfig() {}

  /**
   * The snippet for {@code adapters}.
   *
   * @param target the backend
   * @param adapters the adapters to load (e.g. the production ones), in the order to list them
   * @param apiBase the vLLM server's OpenAI-compatible base URL, for LiteLLM
   * @param apiKeyEnv the environment variable holding the API key
   * @throws UsageException when {@code adapters} is empty
   */
  public static String render(ServeTarget target, List<Adapter> adapters, String apiBase, String apiKeyEnv) {
    if (adapters.isEmpty()) {
      throw new UsageException("no adapter to serve", "promote one first: quarry registry promote NAME --stage production");
    }
    return switch (target) {
      case VLLM -> vllm(adapters);
      case LITELLM -> litellm(adapters, apiBase, apiKeyEnv);
    };
  }

  private static String vllm(List<Adapter> adapters) {
    Map<String, List<Adapter>> byBase = new TreeMap<>();
    for (Adapter a : adapters) {
      byBase.computeIfAbsent(a.config().baseModel(), k -> new java.util.ArrayList<>()).add(a);
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<Adapter>> e : byBase.entrySet()) {
      int maxRank = e.getValue().stream().mapToInt(a -> a.config().rank()).max().orElse(0);
      sb.append("vllm serve ").append(quote(e.getKey())).append(" \\\n  --enable-lora");
      if (maxRank > 0) {
        sb.append(" \\\n  --max-lora-rank ").append(vllmRank(maxRank));
      }
      sb.append(" \\\n  --lora-modules");
      for (Adapter a : e.getValue()) {
        sb.append(' ').append(quote(a.name() + "=" + a.path()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** vLLM accepts only some maximum ranks; the smallest one that fits. */
  private static int vllmRank(int rank) {
    for (int r : new int[] {8, 16, 32, 64, 128, 256, 320, 512}) {
      if (rank <= r) {
        return r;
      }
    }
    return rank;
  }

  private static String litellm(List<Adapter> adapters, String apiBase, String apiKeyEnv) {
    StringBuilder sb = new StringBuilder("model_list:\n");
    for (Adapter a : adapters) {
      sb.append("  - model_name: ").append(yaml(a.name())).append('\n')
          .append("    litellm_params:\n")
          .append("      model: ").append(yaml("hosted_vllm/" + a.name())).append('\n')
          .append("      api_base: ").append(yaml(apiBase)).append('\n')
          .append("      api_key: ").append(yaml("os.environ/" + apiKeyEnv)).append('\n')
          .append("    model_info:\n")
          .append("      base_model: ").append(yaml(a.config().baseModel())).append('\n')
          .append("      weights_sha256: ").append(yaml(a.weightsSha256())).append('\n');
    }
    return sb.toString();
  }

  static String quote(String s) {
    return SHELL_SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private static String yaml(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
