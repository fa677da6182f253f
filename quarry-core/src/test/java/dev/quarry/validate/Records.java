package dev.quarry.validate;

import dev.quarry.io.ExampleCodec;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds small example records for rule and stage tests. */
public final class Records {
  private Records() {}

  /** A single-turn example with a system prompt, in category api-client, language python. */
  public static Example answer(String assistant) {
    return of("Write the client.", assistant);
  }

  /** A single-turn example with the given user and assistant text. */
  public static Example of(String user, String assistant) {
    return Example.of(List.of(Message.system("You are an expert engineer on the Acme platform."),
        Message.user(user), Message.assistant(assistant)), "api-client", "python",
        new Source("handcrafted", "acme", "docs/x.md", new dev.quarry.model.LineRange(3, 9), null, null));
  }

  /** Writes examples as JSONL, one per line, plus any raw lines after them. */
  public static Path write(Path file, List<Example> examples, String... rawLines) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Example e : examples) {
      lines.add(Json.mapper().writeValueAsString(ExampleCodec.toJson(e)));
    }
    lines.addAll(List.of(rawLines));
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }
}
