package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.io.ExampleCodec;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateSecretsLeakTest {
  /** Fake secrets, assembled at run time so that this source file holds none. */
  private static final List<String> SECRETS = List.of("AKIA" + "QRYDEMO7EXAMPLE2",
      "ghp_" + "1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ", "S3cret" + "Passw0rd",
      "xoxb-" + "2048571930-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
      "eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiJhY21lLXVzZXItNDIifQ.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk");

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void noSecretAppearsInAnyOutputFileOrStream(boolean fix) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String s : SECRETS) {
      String code = s.startsWith("S3") ? "DATABASE_URL = \"postgresql://acme:" + s + "@db.internal:5432/acme\""
          : "TOKEN = \"" + s + "\"";
      Example e = Example.of(List.of(Message.system("You help with " + s.substring(0, 2) + "."),
              Message.user("Configure it with " + code), Message.assistant("```python\n" + code + "\n```")),
          "api-client", "python", new Source("handcrafted", "acme", "settings.py", null, null, null));
      lines.add(Json.mapper().writeValueAsString(ExampleCodec.toJson(e)));
    }
    lines.add("{\"broken\": \"" + SECRETS.get(0) + "\"");
    lines.add("{\"messages\": [{\"role\": \"user\", \"content\": \"" + SECRETS.get(1) + "\"}]}");
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of("validate", in.toString(), "--sarif", dir.resolve("r.sarif").toString()));
    if (fix) {
      args.add("--fix");
    }
    CliRun r = CliRun.of(args.toArray(new String[0]));
    CliRun json = CliRun.of(Stream.concat(args.stream(), Stream.of("--json")).toArray(String[]::new));
    assertThat(r.code()).isEqualTo(1);
    List<String> outputs = new ArrayList<>(List.of(r.err(), r.out(), json.out(), json.err()));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(p -> !p.equals(in)).toList()) {
        outputs.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(outputs).hasSize(8);
    assertThat(String.join("\n", outputs)).contains("[sha256:");
    for (String out : outputs) {
      for (String s : SECRETS) {
        assertThat(out).doesNotContain(s);
      }
    }
  }
}
