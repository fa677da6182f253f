package dev.quarry.extract.code;

import dev.quarry.extract.RepoFile;
import dev.quarry.model.LineRange;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import org.treesitter.TSNode;

/**
 * One parsed source file of the repository: its path, text and syntax tree. Owned by the extractor that
 * parsed it and closed (tree released) as soon as its candidates are turned into examples.
 */
public final class CodeFile implements AutoCloseable {
  private final RepoFile file;
  private final SourceTree tree;
  private PyImports pyImports;
  private JsImports jsImports;

  /** Wraps an already parsed file. */
  public CodeFile(RepoFile file, SourceTree tree) {
    this.file = file;
    this.tree = tree;
  }

  /** Parses {@code text} of {@code file} with {@code grammar}. */
  public static CodeFile parse(RepoFile file, Grammar grammar, String text) {
    return new CodeFile(file, SourceTree.parse(grammar, text));
  }

  /** The repository file. */
  public RepoFile file() {
    return file;
  }

  /** The path relative to the repository. */
  public String path() {
    return file.path();
  }

  /** The grammar it was parsed with. */
  public Grammar grammar() {
    return tree.grammar();
  }

  /** The language recorded in examples for code of this file ({@code typescript} for TSX). */
  public String language() {
    return grammar() == Grammar.TSX ? "typescript" : grammar().id();
  }

  /** The label of a fenced code block for code of this file. */
  public String fenceLabel() {
    return grammar().id();
  }

  /** The syntax tree. */
  public SourceTree tree() {
    return tree;
  }

  /** The root node. */
  public TSNode root() {
    return tree.root();
  }

  /** The text of a node. */
  public String text(TSNode node) {
    return tree.text(node);
  }

  /** The 1-based lines of a node. */
  public LineRange lines(TSNode node) {
    return tree.lines(node);
  }

  /** The node as a snippet: from the start of its first line, common indentation removed. */
  public String snippet(TSNode node) {
    return Snippet.of(tree, node, node);
  }

  /** The Python imports of this file (computed once). */
  public PyImports pyImports() {
    if (pyImports == null) {
      pyImports = PyImports.of(this);
    }
    return pyImports;
  }

  /** The JavaScript/TypeScript imports of this file (computed once). */
  public JsImports jsImports() {
    if (jsImports == null) {
      jsImports = JsImports.of(this);
    }
    return jsImports;
  }

  @Override
  public void close() {
    tree.close();
  }
}
