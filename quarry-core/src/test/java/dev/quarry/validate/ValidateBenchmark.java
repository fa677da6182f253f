package dev.quarry.validate;

import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.ExampleCodec;
import dev.quarry.io.Json;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Validation throughput on a generated corpus, next to a floor measured in the same run: reading and
 * JSON-parsing the same file into records ({@link JsonlReader}, which validation cannot avoid), and raw
 * Jackson parsing of each line. Not a test; run it by hand:
 *
 * <pre>
 * mvn -q -B -o test-compile -pl quarry-core
 * java -cp quarry-core/target/classes:quarry-core/target/test-classes:$(cat cp.txt) \
 *     dev.quarry.validate.ValidateBenchmark [records=100000]
 * </pre>
 *
 * The corpus mixes Python answers (60 %), TypeScript answers (25 %) and prose (15 %) of about 2 KB each,
 * every code block unique (so no cache can help), with a few planted secrets and attribution lines.
 */
public final class ValidateBenchmark {
  private ValidateBenchmark() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("quarry-bench-");
    Path corpus = dir.resolve("corpus.jsonl");
    generate(corpus, n);
    long bytes = Files.size(corpus);
    System.out.printf("corpus: %d records, %.1f MB (%s)%n", n, bytes / 1e6, corpus);
    floor(corpus);
    double floorSecs = floor(corpus);
    double jacksonSecs = jackson(corpus);
    long t0 = System.nanoTime();
    ValidationReport r = new ValidateStage(QuarryConfig.defaults(), false, ProgressListener.NONE)
        .run(List.of(corpus), dir.resolve("accepted.jsonl"), dir.resolve("rejected.jsonl"));
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("floor (read + JSON parse into records): %8.0f records/s  %6.1f MB/s%n", n / floorSecs,
        bytes / 1e6 / floorSecs);
    System.out.printf("raw Jackson readTree per line:          %8.0f records/s  %6.1f MB/s%n", n / jacksonSecs,
        bytes / 1e6 / jacksonSecs);
    System.out.printf("validate (all rules):                   %8.0f records/s  %6.1f MB/s  = %.1f %% of floor%n",
        n / secs, bytes / 1e6 / secs, 100 * floorSecs / secs);
    System.out.printf("accepted %d, rejected %d%n", r.accepted(), r.rejected());
  }

  private static double floor(Path corpus) {
    long t0 = System.nanoTime();
    long count;
    try (Stream<JsonlLine> lines = JsonlReader.read(corpus)) {
      count = lines.count();
    }
    if (count == 0) {
      throw new IllegalStateException("empty corpus");
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double jackson(Path corpus) throws IOException {
    long t0 = System.nanoTime();
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String l;
      while ((l = r.readLine()) != null) {
        Json.mapper().readTree(l);
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static void generate(Path file, int n) throws IOException {
    Random rnd = new Random(42);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        int kind = rnd.nextInt(100);
        String answer = kind < 60 ? python(i, rnd) : kind < 85 ? typescript(i, rnd) : prose(i);
        if (rnd.nextInt(200) == 0) {
          answer += "\n\nCo-Authored-By: Claude <noreply@anthropic.com>";
        }
        if (rnd.nextInt(200) == 0) {
          answer = answer.replace("TIMEOUT = 30", "TOKEN = \"ghp_" + Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36)
              + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vWx").substring(0, answer.length());
        }
        Example e = Example.of(List.of(
            Message.system("You are an expert engineer on the Acme platform. Answer with production-ready code."),
            Message.user("Write a typed helper number " + i + " that loads record " + i + " from the store, retries "
                + "transient failures and reports what it found."),
            Message.assistant(answer)), "api-client", kind < 60 ? "python" : kind < 85 ? "typescript" : "text",
            new Source("handcrafted", "acme", "bench/" + (i % 500) + ".md", null, null, null));
        w.write(Json.mapper().writeValueAsString(ExampleCodec.toJson(e)));
        w.write('\n');
      }
    }
  }

  private static String python(int i, Random rnd) {
    return "Here is a helper that loads the record and retries transient errors.\n\n```python\n"
        + "import httpx\n\nTIMEOUT = 30\n\n\n"
        + "def load_record_" + i + "(client: httpx.Client, record_id: str, attempts: int = 3) -> dict[str, object]:\n"
        + "    \"\"\"Load record " + i + " and return its JSON body.\"\"\"\n"
        + "    last: Exception | None = None\n"
        + "    for attempt in range(attempts):\n"
        + "        try:\n"
        + "            response = client.get(f\"/v1/records/{record_id}\", timeout=TIMEOUT)\n"
        + "            response.raise_for_status()\n"
        + "            return response.json()\n"
        + "        except httpx.TransportError as exc:\n"
        + "            last = exc\n"
        + "    raise RuntimeError(f\"record {record_id} unavailable after {attempts} attempts\") from last\n\n\n"
        + "def test_load_record_" + i + "(fake_client: httpx.Client) -> None:\n"
        + "    body = load_record_" + i + "(fake_client, \"r-" + rnd.nextInt(1000) + "\")\n"
        + "    assert body[\"id\"] == \"r-" + i + "\"\n"
        + "```\n\nThe loop retries only transport errors; HTTP errors surface at once through `raise_for_status`, "
        + "so a 404 is not retried. The test uses the `fake_client` fixture from `conftest.py`.";
  }

  private static String typescript(int i, Random rnd) {
    return "A typed client method with error handling:\n\n```typescript\n"
        + "export interface Record" + i + " {\n  id: string;\n  score: number;\n}\n\n"
        + "export async function loadRecord" + i + "(baseUrl: string, id: string): Promise<Record" + i + "> {\n"
        + "  const response = await fetch(`${baseUrl}/v1/records/${id}`);\n"
        + "  if (!response.ok) {\n"
        + "    throw new Error(`record ${id}: HTTP ${response.status}`);\n"
        + "  }\n"
        + "  return (await response.json()) as Record" + i + ";\n"
        + "}\n\n"
        + "describe(\"loadRecord" + i + "\", () => {\n"
        + "  it(\"throws on 404\", async () => {\n"
        + "    await expect(loadRecord" + i + "(\"http://api.acme.test\", \"" + rnd.nextInt(1000) + "\")).rejects.toThrow();\n"
        + "  });\n"
        + "});\n```\n\nNon-2xx responses become errors that name the record and the status.";
  }

  private static String prose(int i) {
    return ("Record " + i + " is stored in a partitioned table; reads go through pgbouncer in transaction mode, so "
        + "session state such as prepared statements must not be relied on. Keep transactions short, batch "
        + "writes, and let the pool size follow the number of cores of the database host. ").repeat(6);
  }
}
