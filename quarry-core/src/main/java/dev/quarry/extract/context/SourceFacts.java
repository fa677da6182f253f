package dev.quarry.extract.context;

import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.JsImports;
import dev.quarry.extract.code.Limits;
import dev.quarry.extract.code.PyImports;
import dev.quarry.syntax.FreeNames;
import dev.quarry.syntax.Grammar;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an example's source file says about the names its code uses: the file's own imports (Python or
 * JavaScript/TypeScript bindings by local name) and whether its relative imports spell the {@code .js}
 * extension (ES module style), so added relative imports match the file's style.
 *
 * @param path the source path, repository-relative
 * @param grammar the file's grammar, or null when it is not analysable code (a spec, a Markdown file)
 * @param python Python import bindings by local name
 * @param script JavaScript/TypeScript import bindings by local name
 * @param jsExtension whether relative imports end in {@code .js}
 * @param postponedAnnotations whether a Python file has {@code from __future__ import annotations}
 */
record SourceFacts(String path, Grammar grammar, Map<String, PyImports.Binding> python,
    Map<String, JsImports.Binding> script, boolean jsExtension, boolean postponedAnnotations) {
  /** A relative import or re-export specifier spelled with {@code .js}. */
  private static final java.util.regex.Pattern ES_MODULE_SPECIFIER =
      java.util.regex.Pattern.compile("from\\s+[\"']\\.{1,2}/[^\"'\\n]+\\.js[\"']");

  private static final java.util.regex.Pattern FUTURE_ANNOTATIONS =
      java.util.regex.Pattern.compile("(?m)^from\\s+__future__\\s+import\\s+.*\\bannotations\\b");

  SourceFacts {
    python = Map.copyOf(python);
    script = Map.copyOf(script);
  }

  static SourceFacts read(Repository repo, Optional<RepoFile> file, String path) {
    Optional<Grammar> g = Grammar.forPath(path);
    if (file.isEmpty() || g.isEmpty() || !FreeNames.supports(g.get()) || file.get().size() > Limits.MAX_FILE_BYTES) {
      return new SourceFacts(path, null, Map.of(), Map.of(), false, false);
    }
    String text;
    try {
      text = repo.read(file.get());
    } catch (IOException e) {
      return new SourceFacts(path, null, Map.of(), Map.of(), false, false);
    }
    try (CodeFile f = CodeFile.parse(file.get(), g.get(), text)) {
      if (g.get() == Grammar.PYTHON) {
        return new SourceFacts(path, g.get(), new TreeMap<>(f.pyImports().all()), Map.of(), false,
            FUTURE_ANNOTATIONS.matcher(text).find());
      }
      Map<String, JsImports.Binding> b = new TreeMap<>(f.jsImports().all());
      boolean js = ES_MODULE_SPECIFIER.matcher(text).find();
      return new SourceFacts(path, g.get(), Map.of(), b, js, false);
    }
  }

  /** Whether this file's imports apply to code of {@code g} (same language family). */
  boolean speaks(Grammar g) {
    return grammar != null && SymbolTable.sameFamily(grammar, g);
  }
}
