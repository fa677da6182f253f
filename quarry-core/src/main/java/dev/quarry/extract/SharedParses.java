package dev.quarry.extract;

import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.syntax.Grammar;

/**
 * Lets every code extractor reading a file use one parse of it: the stage visits files in path order and asks
 * each extractor about the current file before moving on, so only the current file's tree is held; it is
 * freed when the next file is parsed, or on {@link #close()}. Not thread-safe.
 */
final class SharedParses implements CodeExtractor.Parses, AutoCloseable {
  private CodeFile current;
  private String currentText;

  @Override
  public CodeFile parse(RepoFile file, Grammar grammar, String text) {
    if (current != null && current.path().equals(file.path()) && current.grammar() == grammar
        && currentText.equals(text)) {
      return current;
    }
    close();
    current = CodeFile.parse(file, grammar, text);
    currentText = text;
    return current;
  }

  @Override
  public void release(CodeFile file) {
    // Kept for the next extractor that reads the same file; freed when another file is parsed.
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
      currentText = null;
    }
  }
}
