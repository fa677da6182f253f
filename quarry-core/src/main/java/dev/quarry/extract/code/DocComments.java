package dev.quarry.extract.code;

import java.util.Optional;
import org.treesitter.TSNode;

/** Documentation comments ({@code /** … *}{@code /}: JSDoc, TSDoc, Javadoc) attached to a declaration. */
public final class DocComments {
  private DocComments() {}

  /**
   * The documentation comment right before {@code node} (only blank lines or annotations between), cleaned
   * of comment markers and leading asterisks; empty when there is none.
   */
  public static Optional<String> before(CodeFile file, TSNode node) {
    return nodeBefore(file, node).map(c -> clean(file.text(c))).filter(s -> !s.isBlank());
  }

  /** The comment node right before {@code node}, if it is a documentation comment. */
  public static Optional<TSNode> nodeBefore(CodeFile file, TSNode node) {
    TSNode prev = node.getPrevSibling();
    if (prev == null || prev.isNull()) {
      return Optional.empty();
    }
    String type = prev.getType();
    if (!type.equals("comment") && !type.equals("block_comment")) {
      return Optional.empty();
    }
    if (node.getStartPoint().getRow() - prev.getEndPoint().getRow() > 1) {
      return Optional.empty();
    }
    String text = file.text(prev);
    return text.startsWith("/**") && !text.startsWith("/**/") ? Optional.of(prev) : Optional.empty();
  }

  /** The text of a {@code /** … *}{@code /} comment without markers. */
  public static String clean(String comment) {
    String s = comment;
    if (s.startsWith("/**")) {
      s = s.substring(3);
    }
    if (s.endsWith("*/")) {
      s = s.substring(0, s.length() - 2);
    }
    StringBuilder sb = new StringBuilder();
    for (String line : s.split("\n", -1)) {
      String l = line.strip();
      if (l.startsWith("*")) {
        l = l.substring(1);
        if (l.startsWith(" ")) {
          l = l.substring(1);
        }
      }
      sb.append(l.stripTrailing()).append('\n');
    }
    return sb.toString().strip();
  }
}
