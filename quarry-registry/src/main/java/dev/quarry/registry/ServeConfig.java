package dev.quarry.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.UsageException;
import dev.quarry.io.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes the snippet a serving backend needs to load adapters: a {@code vllm serve} command line per base
 * model, each on its own port, or a LiteLLM {@code model_list} whose entries point at the server of their base.
 * The API key is referenced by environment variable, never written.
 *
 * <p>Bases are served in name order on consecutive ports starting at the port of {@code apiBase} (8000 when it
 * names none), so the first base keeps the URL it was given and the second gets port + 1.
 */
public final class ServeConfig {
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._/:=@%+-]+");
  private static final int DEFAULT_PORT = 8000;

  private ServeConfig() {}

  /**
   * The snippet for {@code adapters}.
   *
   * @param target the backend
   * @param adapters the adapters to load (e.g. the production ones), in the order to list them
   * @param apiBase the first vLLM server's OpenAI-compatible base URL; its port is the first server's port
   * @param apiKeyEnv the environment variable holding the API key
   * @throws UsageException when {@code adapters} is empty or {@code apiBase} is not an http(s) URL
   */
  public static String render(ServeTarget target, List<Adapter> adapters, String apiBase, String apiKeyEnv) {
    List<ServedBase> plan = plan(adapters, apiBase);
    return switch (target) {
      case VLLM -> vllm(plan);
      case LITELLM -> litellm(plan, apiKeyEnv);
    };
  }

  /**
   * Which server serves which adapters: one per base model, sorted by base name, on consecutive ports.
   *
   * @throws UsageException when {@code adapters} is empty or {@code apiBase} is not an http(s) URL
   */
  public static List<ServedBase> plan(List<Adapter> adapters, String apiBase) {
    if (adapters.isEmpty()) {
      throw new UsageException("no adapter to serve", "promote one first: quarry registry promote NAME --stage production");
    }
    URI uri = parseBase(apiBase);
    Map<String, List<Adapter>> byBase = new TreeMap<>();
    for (Adapter a : adapters) {
      byBase.computeIfAbsent(a.config().baseModel(), k -> new ArrayList<>()).add(a);
    }
    int first = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
    List<ServedBase> plan = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, List<Adapter>> e : byBase.entrySet()) {
      int port = first + i;
      String url = byBase.size() == 1 && uri.getPort() <= 0 ? apiBase : withPort(uri, port);
      int maxRank = e.getValue().stream().mapToInt(a -> a.config().rank()).max().orElse(0);
      plan.add(new ServedBase(e.getKey(), port, url, maxRank > 0 ? vllmRank(maxRank) : 0, e.getValue()));
      i++;
    }
    return List.copyOf(plan);
  }

  /**
   * One {@code --lora-modules} value in vLLM's JSON form, which its parser reads whenever the value contains a
   * comma, so a path holding {@code =} or {@code ,} survives, and which records the base model.
   */
  public static String loraModule(Adapter a) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("name", a.name());
    n.put("path", a.path());
    n.put("base_model_name", a.config().baseModel());
    try {
      return Json.mapper().writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String vllm(List<ServedBase> plan) {
    StringBuilder sb = new StringBuilder();
    for (ServedBase b : plan) {
      sb.append("vllm serve ").append(quote(b.baseModel())).append(" \\\n  --port ").append(b.port())
          .append(" \\\n  --enable-lora");
      if (b.maxLoraRank() > 0) {
        sb.append(" \\\n  --max-lora-rank ").append(b.maxLoraRank());
      }
      sb.append(" \\\n  --lora-modules");
      for (Adapter a : b.adapters()) {
        sb.append(" \\\n    ").append(quote(loraModule(a)));
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

  private static String litellm(List<ServedBase> plan, String apiKeyEnv) {
    StringBuilder sb = new StringBuilder("model_list:\n");
    for (ServedBase b : plan) {
      for (Adapter a : b.adapters()) {
        sb.append("  - model_name: ").append(yaml(a.name())).append('\n')
            .append("    litellm_params:\n")
            .append("      model: ").append(yaml("hosted_vllm/" + a.name())).append('\n')
            .append("      api_base: ").append(yaml(b.apiBase())).append('\n')
            .append("      api_key: ").append(yaml("os.environ/" + apiKeyEnv)).append('\n')
            .append("    model_info:\n")
            .append("      base_model: ").append(yaml(b.baseModel())).append('\n')
            .append("      weights_sha256: ").append(yaml(a.weightsSha256())).append('\n');
      }
    }
    return sb.toString();
  }

  private static URI parseBase(String apiBase) {
    try {
      URI uri = new URI(apiBase);
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new URISyntaxException(apiBase, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException("--api-base \"" + apiBase + "\" is not an http(s) URL",
          "give the vLLM server's OpenAI base URL, e.g. http://localhost:8000/v1");
    }
  }

  private static String withPort(URI uri, int port) {
    try {
      return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), port, uri.getPath(), uri.getQuery(),
          uri.getFragment()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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
