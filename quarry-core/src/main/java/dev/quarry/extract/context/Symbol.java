package dev.quarry.extract.context;

import dev.quarry.syntax.Grammar;
import java.util.Objects;

/**
 * A top-level definition of a repository file, as an answer that uses it needs it.
 *
 * @param name the name it is bound to
 * @param kind {@code function}, {@code class}, {@code type}, {@code value} or {@code fixture} (a pytest fixture)
 * @param path the defining file, repository-relative
 * @param line its first line, 1-based
 * @param grammar the language of the file
 * @param stub what the context block shows: a signature with its summary, a model's fields, a short declaration
 * @param inline a module-level assignment short enough to repeat in an answer ({@code router = APIRouter(...)}), or
 *     "" when the definition should be imported instead
 * @param exported whether another module may import it (Python: always; TypeScript: an {@code export})
 */
public record Symbol(String name, String kind, String path, int line, Grammar grammar, String stub, String inline,
    boolean exported) {
  /** Requires the texts (empty allowed). */
  public Symbol {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stub, "stub");
    Objects.requireNonNull(inline, "inline");
  }
}
