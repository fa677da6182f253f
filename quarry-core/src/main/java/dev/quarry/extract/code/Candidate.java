package dev.quarry.extract.code;

import java.util.Objects;
import org.treesitter.TSNode;

/**
 * Something in a file that may become an example: a symbol and the nodes its code spans ({@code first} to
 * {@code last}, e.g. a decorator to the end of the function), plus extractor-specific data.
 *
 * @param symbol the symbol recorded in provenance, e.g. {@code GET /users/{id}} or {@code ConnectionPool}
 * @param first first node of the code
 * @param last last node of the code
 * @param data what the extractor needs to write the example; never null
 * @param <T> the type of the data
 */
public record Candidate<T>(String symbol, TSNode first, TSNode last, T data) {
  /** Checks that nothing is null. */
  public Candidate {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(data, "data");
  }

  /** A candidate spanning one node. */
  public static <T> Candidate<T> of(String symbol, TSNode node, T data) {
    return new Candidate<>(symbol, node, node, data);
  }
}
