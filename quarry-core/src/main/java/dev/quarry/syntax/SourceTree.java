package dev.quarry.syntax;

import dev.quarry.model.LineRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * A parsed source text: the tree-sitter syntax tree plus the UTF-8 bytes its offsets refer to.
 *
 * <p>Tree-sitter positions are byte offsets into UTF-8 and 0-based rows; this class converts them: {@link
 * #text(TSNode)} decodes the node's bytes (correct with non-ASCII text before the node), {@link #lines(TSNode)}
 * gives a 1-based inclusive line range. Python text has form feeds replaced by spaces before parsing (same
 * offsets), since tree-sitter-python reports them as errors where CPython does not.
 *
 * <p>Native memory: the bindings free a tree only when its Java object becomes unreachable. {@link #close()}
 * drops this object's references (nodes obtained from it keep the tree alive until they are dropped too), and
 * every {@value #GC_HINT_BYTES} bytes parsed a collection is requested so that native trees of a large
 * repository are reclaimed in bounded batches even when the Java heap itself is idle. Not thread-safe; parsing
 * itself may run on several threads (one parser per thread and grammar).
 */
public final class SourceTree implements AutoCloseable {
  /** Parsed bytes between two requests to reclaim native trees. */
  static final long GC_HINT_BYTES = 64L << 20;
  private static final int READ_CHUNK = 1 << 16;

  private static final ThreadLocal<Map<Grammar, TSParser>> PARSERS =
      ThreadLocal.withInitial(() -> new EnumMap<>(Grammar.class));
  private static final Object GC_LOCK = new Object();
  private static long parsedSinceHint;

  private final Grammar grammar;
  private final String source;
  private final byte[] bytes;
  private TSTree tree;
  private TSNode root;
  private int walks;
  private Flat flat;

  private SourceTree(Grammar grammar, String source, byte[] bytes, TSTree tree) {
    this.grammar = grammar;
    this.source = source;
    this.bytes = bytes;
    this.tree = tree;
    this.root = tree.getRootNode();
  }

  /**
   * Parses {@code source} with {@code grammar}. Never fails on bad syntax: the tree then holds error nodes
   * ({@link #hasError()}).
   *
   * @throws IllegalStateException when the native parser returns no tree (only on cancellation or timeout)
   */
  public static SourceTree parse(Grammar grammar, String source) {
    byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
    byte[] input = bytes;
    if (grammar == Grammar.PYTHON && source.indexOf('\f') >= 0) {
      input = bytes.clone();
      for (int i = 0; i < input.length; i++) {
        if (input[i] == '\f') {
          input[i] = ' ';
        }
      }
    }
    reclaimNativeTreesNow(bytes.length);
    TSParser parser = PARSERS.get().computeIfAbsent(grammar, g -> {
      TSParser p = new TSParser();
      p.setLanguage(g.language());
      return p;
    });
    byte[] in = input;
    // The array given to parse() is the reader's scratch buffer, which the reader fills from the source at
    // the requested offset; passing the source itself would let the reader overwrite it.
    byte[] scratch = new byte[Math.max(1, Math.min(in.length, READ_CHUNK))];
    TSTree tree = parser.parse(scratch, null, (buf, offset, point) -> {
      int n = Math.min(buf.length, in.length - offset);
      if (n <= 0) {
        return 0;
      }
      System.arraycopy(in, offset, buf, 0, n);
      return n;
    }, TSInputEncoding.TSInputEncodingUTF8);
    if (tree == null) {
      parser.reset();
      throw new IllegalStateException("tree-sitter returned no tree for " + grammar.id() + " text");
    }
    return new SourceTree(grammar, source, bytes, tree);
  }

  private static void reclaimNativeTreesNow(long bytes) {
    boolean hint;
    synchronized (GC_LOCK) {
      parsedSinceHint += bytes;
      hint = parsedSinceHint >= GC_HINT_BYTES;
      if (hint) {
        parsedSinceHint = 0;
      }
    }
    if (hint) {
      System.gc();
    }
  }

  /** The grammar it was parsed with. */
  public Grammar grammar() {
    return grammar;
  }

  /** The text as given to {@link #parse}. */
  public String source() {
    return source;
  }

  /** The root node. */
  public TSNode root() {
    return open();
  }

  /** Whether the tree contains a syntax error or a missing token anywhere. */
  public boolean hasError() {
    return open().hasError();
  }

  /** The 1-based line of the first error or missing node in document order, when there is one. */
  public Optional<Integer> firstErrorLine() {
    if (!hasError()) {
      return Optional.empty();
    }
    TSNode[] found = new TSNode[1];
    walk(n -> {
      if (found[0] != null) {
        return false;
      }
      if (n.isError() || n.isMissing()) {
        found[0] = n;
        return false;
      }
      return n.hasError();
    });
    return Optional.of(found[0] == null ? 1 : found[0].getStartPoint().getRow() + 1);
  }

  /** The source text of {@code node}, decoded from its UTF-8 byte range. */
  public String text(TSNode node) {
    return text(node.getStartByte(), node.getEndByte());
  }

  /** The source text between two byte offsets (start inclusive, end exclusive), clamped to the text. */
  public String text(int startByte, int endByte) {
    int s = Math.max(0, Math.min(startByte, bytes.length));
    int e = Math.max(s, Math.min(endByte, bytes.length));
    return new String(bytes, s, e - s, StandardCharsets.UTF_8);
  }

  /** The length of the source in UTF-8 bytes. */
  public int byteLength() {
    return bytes.length;
  }

  /**
   * The 1-based inclusive lines {@code node} spans. A node that ends just after a line break (end column 0)
   * does not count the following, empty line.
   */
  public LineRange lines(TSNode node) {
    return lines(node, node);
  }

  /** The 1-based inclusive lines from the start of {@code first} to the end of {@code last}. */
  public LineRange lines(TSNode first, TSNode last) {
    int start = first.getStartPoint().getRow() + 1;
    int endRow = last.getEndPoint().getRow();
    int end = last.getEndPoint().getColumn() == 0 && endRow + 1 > start ? endRow : endRow + 1;
    return new LineRange(start, Math.max(start, end));
  }

  /** The 1-based line {@code node} starts on. */
  public static int line(TSNode node) {
    return node.getStartPoint().getRow() + 1;
  }

  /** The child in field {@code field} of {@code node}, when present. */
  public static Optional<TSNode> field(TSNode node, String field) {
    TSNode c = node.getChildByFieldName(field);
    return c == null || c.isNull() ? Optional.empty() : Optional.of(c);
  }

  /** Every child of {@code node} in field {@code field}, in order (a field may hold several children). */
  public static List<TSNode> fieldChildren(TSNode node, String field) {
    List<TSNode> out = new ArrayList<>();
    TSTreeCursor c = new TSTreeCursor(node);
    if (c.gotoFirstChild()) {
      do {
        if (field.equals(c.currentFieldName())) {
          out.add(c.currentNode());
        }
      } while (c.gotoNextSibling());
    }
    return out;
  }

  /** The named children of {@code node}, in order (walked with a cursor, not by index). */
  public static List<TSNode> namedChildren(TSNode node) {
    List<TSNode> out = new ArrayList<>();
    TSTreeCursor c = new TSTreeCursor(node);
    if (c.gotoFirstChild()) {
      do {
        TSNode n = c.currentNode();
        if (n.isNamed()) {
          out.add(n);
        }
      } while (c.gotoNextSibling());
    }
    return out;
  }

  /**
   * Visits the tree in pre-order (document order). {@code visitor} returns whether to descend into the node's
   * children. The first walk goes through a tree-sitter cursor; the second one records every node once with its
   * type (see {@link #walkTyped}), and that and every later walk of this tree run over the recording without
   * crossing into native code per step.
   */
  public void walk(Predicate<TSNode> visitor) {
    walkTyped((n, type) -> visitor.test(n));
  }

  /** Receives each node of {@link #walkTyped} with its type; returns whether to descend into its children. */
  @FunctionalInterface
  public interface Visitor {
    /** Visits {@code node}, whose {@link TSNode#getType()} is {@code type}. */
    boolean visit(TSNode node, String type);
  }

  /**
   * Visits the tree in pre-order like {@link #walk(Predicate)}, giving each node's type with it so that the
   * visitor need not ask tree-sitter for it again.
   */
  public void walkTyped(Visitor visitor) {
    TSNode top = open();
    if (flat == null && ++walks < 2) {
      walk(top, n -> visitor.visit(n, n.getType()));
      return;
    }
    if (flat == null) {
      flat = Flat.of(top);
    }
    int i = 0;
    while (i < flat.size) {
      boolean descend = visitor.visit(flat.nodes[i], flat.types[i]);
      i = descend ? i + 1 : flat.ends[i];
    }
  }

  /** Every node of a tree in pre-order, with its type and the index just past its subtree. */
  private static final class Flat {
    TSNode[] nodes = new TSNode[64];
    String[] types = new String[64];
    int[] ends = new int[64];
    int size;

    static Flat of(TSNode root) {
      Flat f = new Flat();
      TSTreeCursor c = new TSTreeCursor(root);
      int[] open = new int[16];
      int depth = 0;
      while (true) {
        int index = f.add(c.currentNode());
        if (c.gotoFirstChild()) {
          if (depth == open.length) {
            open = java.util.Arrays.copyOf(open, depth * 2);
          }
          open[depth++] = index;
          continue;
        }
        f.ends[index] = f.size;
        while (true) {
          if (depth == 0) {
            return f;
          }
          if (c.gotoNextSibling()) {
            break;
          }
          c.gotoParent();
          f.ends[open[--depth]] = f.size;
        }
      }
    }

    private int add(TSNode n) {
      if (size == nodes.length) {
        nodes = java.util.Arrays.copyOf(nodes, size * 2);
        types = java.util.Arrays.copyOf(types, size * 2);
        ends = java.util.Arrays.copyOf(ends, size * 2);
      }
      nodes[size] = n;
      types[size] = n.getType();
      return size++;
    }
  }

  /** Visits {@code from} and its descendants in pre-order; see {@link #walk(Predicate)}. */
  public static void walk(TSNode from, Predicate<TSNode> visitor) {
    TSTreeCursor c = new TSTreeCursor(from);
    int depth = 0;
    while (true) {
      boolean descend = visitor.test(c.currentNode());
      if (descend && c.gotoFirstChild()) {
        depth++;
        continue;
      }
      while (true) {
        if (depth == 0) {
          return;
        }
        if (c.gotoNextSibling()) {
          break;
        }
        c.gotoParent();
        depth--;
      }
    }
  }

  private TSNode open() {
    if (root == null) {
      throw new IllegalStateException("the syntax tree is closed");
    }
    return root;
  }

  /** Drops the references to the native tree so that it can be reclaimed. Idempotent. */
  @Override
  public void close() {
    tree = null;
    root = null;
    flat = null;
  }
}
