package dev.quarry.dataset.bench;

import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes one realistic base record (about 2 KB: a system prompt, a request for code, an answer with a code
 * block, an explanation and tests) from a seed. Templates give the boilerplate real extracted data has;
 * identifiers, routes and prose are drawn from a vocabulary so that unrelated records share little beyond
 * it. Stateless and deterministic: the same seed gives the same record.
 */
final class RecordFactory {
  private static final String[] WORDS = ("account agent alert api archive audit batch bucket budget cache "
      + "callback channel chart checkout client cluster column comment config connection consumer container "
      + "contract cursor customer dashboard dataset deadline deployment device digest document domain draft "
      + "embedding endpoint entity environment event export feature feed field filter flag folder form gateway "
      + "graph group handler header health history hook identity image import index invoice issue job key "
      + "label ledger limit link listing lock log manifest member message metric migration model module monitor "
      + "namespace node note notification offset order organization owner package page partition password "
      + "payload payment permission pipeline plan plugin policy pool port post preference price profile project "
      + "prompt provider query queue quota rate record region release replica report repository request "
      + "resource response result retry revision role route rule run schedule schema scope search secret "
      + "segment session setting shard signal snapshot source span stage status step storage stream "
      + "subscription summary system table tag task template tenant thread ticket token topic trace "
      + "transaction trigger upload usage user vector version view volume webhook widget worker workflow "
      + "workspace zone").split(" ");
  private static final String[] VERBS = ("create update delete list fetch sync validate archive restore "
      + "approve reject publish refresh rotate merge split export import schedule cancel retry resolve "
      + "aggregate normalize index search").split(" ");
  private static final String[] ADJ = ("active stale pending primary secondary shared private public cached "
      + "remote local partial complete nested optional required deprecated paginated batched signed "
      + "encrypted compressed").split(" ");
  private static final String[] ERRORS = {"ValueError", "KeyError", "TimeoutError", "PermissionError",
      "ConnectionError", "LookupError"};
  private static final List<String> CATEGORIES = QuarryConfig.DEFAULT_CATEGORIES;

  private RecordFactory() {}

  static Example base(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String noun = pick(r, WORDS);
    String other = pick(r, WORDS);
    String verb = pick(r, VERBS);
    String fn = verb + "_" + noun + "_" + other;
    String cls = cap(noun) + cap(other) + "Client";
    String route = "/v1/" + noun + "s/{" + other + "_id}/" + pick(r, WORDS);
    String err = pick(r, ERRORS);
    String category = CATEGORIES.get(r.nextInt(CATEGORIES.size()));
    String user = "Write a typed Python function `" + fn + "` for the " + cap(pick(r, ADJ)) + " " + noun
        + " service that calls `POST " + route + "`. It should " + verb + " the " + pick(r, ADJ) + " " + other
        + " " + sentence(r, 8) + " and raise " + err + " when the " + pick(r, WORDS) + " is "
        + pick(r, ADJ) + ".";
    StringBuilder a = new StringBuilder();
    a.append("```python\nfrom __future__ import annotations\n\nimport httpx\n\n\nclass ").append(cls)
        .append(":\n    \"\"\"").append(cap(sentence(r, 8))).append(".\"\"\"\n\n")
        .append("    def __init__(self, base_url: str, token: str) -> None:\n")
        .append("        self._http = httpx.Client(base_url=base_url, headers={\"Authorization\": f\"Bearer {token}\"})\n\n")
        .append("    def ").append(fn).append("(self, ").append(other).append("_id: str, ")
        .append(pick(r, WORDS)).append(": ").append(pick(r, new String[] {"int", "str", "bool", "float"}))
        .append(") -> dict[str, object]:\n        \"\"\"").append(cap(sentence(r, 10))).append(".\n\n")
        .append("        Raises:\n            ").append(err).append(": ").append(sentence(r, 6)).append(".\n")
        .append("        \"\"\"\n");
    int steps = 2 + r.nextInt(2);
    for (int i = 0; i < steps; i++) {
      String v = pick(r, WORDS) + "_" + pick(r, WORDS);
      a.append("        ").append(v).append(" = self._").append(pick(r, VERBS)).append("_")
          .append(pick(r, WORDS)).append("(").append(other).append("_id, ").append(pick(r, WORDS))
          .append("=").append(r.nextInt(1000)).append(")\n")
          .append("        if not ").append(v).append(":\n            raise ").append(err).append("(\"")
          .append(sentence(r, 6)).append("\")\n");
    }
    a.append("        response = self._http.post(f\"").append(route.replace("{", "{").replace("}", "}"))
        .append("\", json={\"").append(pick(r, WORDS)).append("\": ").append(other).append("_id})\n")
        .append("        response.raise_for_status()\n        return response.json()\n```\n\n")
        .append(cap(sentence(r, 16))).append(". ").append(cap(sentence(r, 12))).append(".\n\n")
        .append("```python\ndef test_").append(fn).append("(httpx_mock) -> None:\n")
        .append("    httpx_mock.add_response(json={\"").append(pick(r, WORDS)).append("\": \"")
        .append(pick(r, ADJ)).append("\"})\n    client = ").append(cls)
        .append("(\"https://api.example.test\", \"t\")\n    assert client.").append(fn).append("(\"")
        .append(pick(r, WORDS)).append("-").append(r.nextInt(100)).append("\", ").append(r.nextInt(10))
        .append(")\n```\n");
    String path = "backend/app/" + noun + "/" + other + "_" + Long.toHexString(seed & 0xffff) + ".py";
    int first = 1 + r.nextInt(400);
    Source src = new Source("functions", "bench-platform", path, new LineRange(first, first + 20 + r.nextInt(60)),
        fn, null);
    return Example.of(List.of(Message.system("You are an expert engineer on the bench platform. Answer with "
        + "production-ready, typed code with error handling and tests."), Message.user(user),
        Message.assistant(a.toString())), category, "python", src);
  }

  static String pick(SplittableRandom r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  static String word(SplittableRandom r) {
    return pick(r, WORDS);
  }

  private static String sentence(SplittableRandom r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(switch (r.nextInt(4)) {
        case 0 -> pick(r, VERBS);
        case 1 -> pick(r, ADJ);
        default -> pick(r, WORDS);
      });
    }
    return sb.toString();
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
