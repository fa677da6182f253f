package dev.quarry.synth;

import dev.quarry.eval.client.OpenAiTestServer.Reply;
import dev.quarry.eval.client.OpenAiTestServer.Script;
import dev.quarry.io.Hashing;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted model of the synthesis tests. Sample 2 of every instruction is a valid, grounded answer; sample 1
 * is, by a hash of the request, one of: an invented platform hook, code that does not parse, a refusal, a
 * truncated answer, content that is not JSON, a body that is not JSON, an HTTP 429 then a valid answer, or a
 * valid answer. Judge requests get score 4, except a valid answer whose instruction hash is 0 mod 5 (score 2).
 */
final class SynthScript implements Script {
  static final String INVENTED_HOOK = "useVectorSearchStream";
  private static final Pattern SAMPLE = Pattern.compile("Sample (\\d+)\\.");
  private static final Pattern CATEGORY = Pattern.compile("\\(category ([a-z-]+)\\)");

  @Override
  public Reply reply(String model, String user, int seen) {
    if (user.contains("Score the answer from 1")) {
      boolean low = user.contains("[low]");
      return Reply.answer("{\"score\": " + (low ? 2 : 4) + ", \"rationale\": \"" + (low ? "untested corner" : "correct and typed")
          + "\"}");
    }
    Matcher m = SAMPLE.matcher(user);
    int sample = m.find() ? Integer.parseInt(m.group(1)) : 1;
    Matcher c = CATEGORY.matcher(user);
    String category = c.find() ? c.group(1) : "general";
    String h = Hashing.sha256(user);
    int kind = sample == 1 ? Integer.parseInt(h.substring(0, 4), 16) % 8 : 7;
    String tag = h.substring(0, 10);
    return switch (kind) {
      case 0 -> Reply.answer(json("Stream search results for category " + category + " (" + tag + ")",
          "Use the streaming hook.\n\n```tsx\nimport React from \"react\";\n\nexport function Results({ query }: { query: string }) {\n"
              + "  const { results } = " + INVENTED_HOOK + "(query);\n  return <ul>{results.map((r) => <li key={r.id}>{r.text}</li>)}</ul>;\n}\n```"));
      case 1 -> Reply.answer(json("Clamp top_k for " + category + " (" + tag + ")",
          "Here is the code.\n\n```python\ndef clamp(top_k: int -> int:\n    return min(top_k, 50\n```"));
      case 2 -> Reply.answer("I'm sorry, but I can't help with that request.");
      case 3 -> Reply.answer("{\"instruction\": \"Write a retry helper", "length");
      case 4 -> Reply.answer("Sure! Here is a task: write a retry helper. And the answer: use a loop.");
      case 5 -> Reply.raw("{\"choices\": [{\"message\": {\"content\": \"cut");
      case 6 -> seen == 1 ? Reply.status(429, "0") : Reply.answer(good(category, tag));
      default -> Reply.answer(good(category, tag));
    };
  }

  /** A valid, grounded answer: typed Python with error handling and tests, no platform name invented. */
  static String good(String category, String tag) {
    String fn = "clamp_limit_" + tag.substring(0, 6);
    String low = Integer.parseInt(tag.substring(0, 4), 16) % 5 == 0 ? " [low]" : "";
    return json("In the " + category + " code, write a helper that keeps a requested limit within bounds and "
        + "rejects values below one" + low + " (" + tag + ").",
        "The helper validates first and clamps second, so callers get a clear error for a bad value and never a "
            + "silent zero.\n\n```python\nimport pytest\n\n\ndef " + fn + "(requested: int, maximum: int = 50) -> int:\n"
            + "    \"\"\"Returns the requested limit, at most maximum.\"\"\"\n"
            + "    if requested < 1:\n"
            + "        raise ValueError(f\"limit must be at least 1, got {requested}\")\n"
            + "    return min(requested, maximum)\n\n\n"
            + "def test_" + fn + "_caps_at_the_maximum() -> None:\n"
            + "    assert " + fn + "(80) == 50\n\n\n"
            + "def test_" + fn + "_rejects_zero() -> None:\n"
            + "    with pytest.raises(ValueError):\n"
            + "        " + fn + "(0)\n```");
  }

  private static String json(String instruction, String response) {
    return "{\"instruction\": " + quote(instruction) + ", \"response\": " + quote(response) + "}";
  }

  private static String quote(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }
}
