package dev.quarry.extract.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles the Python code blocks of an answer with CPython, when {@code python3} is on the PATH. */
final class PythonCheck {
  private static final Pattern BLOCK = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

  private PythonCheck() {}

  /** Whether python3 can be run. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The Python code blocks of {@code markdown}. */
  static List<String> blocks(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(markdown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Compiles {@code code}; returns CPython's error output, or an empty string when it compiles. */
  static String compile(String code, Path dir) throws IOException, InterruptedException {
    Path f = Files.createTempFile(dir, "block", ".py");
    Files.writeString(f, code, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("python3", "-c",
        "import ast,sys; ast.parse(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1])", f.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return p.exitValue() == 0 ? "" : out + "\n--- code ---\n" + code;
  }
}
