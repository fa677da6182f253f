package dev.quarry.extract.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of a Markdown text, with the offsets of their code so it can be replaced in place. */
final class Fences {
  private static final Pattern OPEN = Pattern.compile("(?m)^(`{3,}|~{3,})([^\\n`]*)\\n");

  /**
   * One block.
   *
   * @param open offset of the opening fence line
   * @param fence the fence characters ({@code ```})
   * @param info the info string after the fence ({@code python}, {@code ts title="x"})
   * @param start offset of the first code character
   * @param end offset just after the code's last line break (the closing fence starts here)
   */
  record Fence(int open, String fence, String info, int start, int end) {
    String code(String text) {
      return text.substring(start, end);
    }
  }

  private Fences() {}

  static List<Fence> of(String text) {
    List<Fence> out = new ArrayList<>();
    Matcher m = OPEN.matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      String fence = m.group(1);
      Pattern close = Pattern.compile("(?m)^" + Pattern.quote(fence) + "[`~]*[ \\t]*$");
      Matcher c = close.matcher(text);
      if (!c.find(m.end())) {
        break;
      }
      out.add(new Fence(m.start(), fence, m.group(2).strip(), m.end(), c.start()));
      from = c.end();
    }
    return out;
  }
}
