package dev.quarry.eval.score;

import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.util.Optional;

/** Parses blocks with the tree-sitter grammar their fence label names; a tree with an error node fails. */
public final class TreeSitterSyntaxCheck implements SyntaxCheck {
  @Override
  public boolean supports(String fenceLabel) {
    return Grammar.forFenceLabel(fenceLabel).isPresent();
  }

  @Override
  public Optional<String> check(String fenceLabel, String code) {
    Optional<Grammar> g = Grammar.forFenceLabel(fenceLabel);
    if (g.isEmpty()) {
      return Optional.empty();
    }
    try (SourceTree tree = SourceTree.parse(g.get(), code)) {
      if (!tree.hasError()) {
        return Optional.empty();
      }
      return Optional.of(g.get().id() + " syntax error" + tree.firstErrorLine().map(l -> " at line " + l).orElse(""));
    }
  }
}
