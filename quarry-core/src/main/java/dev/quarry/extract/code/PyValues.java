package dev.quarry.extract.code;

import dev.quarry.extract.RepoFile;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * Evaluates simple Python string expressions: literals, and names or attributes bound to string constants in
 * this file or in the module they were imported from ({@code settings.API_V1_STR} with
 * {@code API_V1_STR: str = "/api/v1"} in the settings class). Anything else stays as its source text in braces.
 */
public final class PyValues {
  private PyValues() {}

  /** The string value of {@code expr}, or {@code {expr}} when it cannot be evaluated. */
  public static String string(CodeFile file, TSNode expr, Modules modules) {
    return tryString(file, expr, modules).orElse("{" + file.text(expr) + "}");
  }

  /** The string value of {@code expr} when it can be evaluated. */
  public static Optional<String> tryString(CodeFile file, TSNode expr, Modules modules) {
    Optional<String> literal = PyStrings.value(file, expr);
    if (literal.isPresent()) {
      return literal;
    }
    String t = expr.getType();
    if (t.equals("identifier")) {
      String name = file.text(expr);
      Optional<String> local = Definitions.of(file).constants().entrySet().stream()
          .filter(e -> e.getKey().equals(name)).map(java.util.Map.Entry::getValue).findFirst();
      if (local.isPresent()) {
        return local;
      }
      return file.pyImports().binding(name).flatMap(b -> importedConstant(file, b, modules));
    }
    if (t.equals("attribute")) {
      TSNode obj = expr.getChildByFieldName("object");
      String attr = file.text(expr.getChildByFieldName("attribute"));
      if (attr.equals("value") && obj.getType().equals("attribute")) {
        return tryString(file, obj, modules);
      }
      if (obj.getType().equals("identifier")) {
        Optional<PyImports.Binding> b = file.pyImports().binding(file.text(obj));
        if (b.isPresent()) {
          Optional<RepoFile> m = modules.python(file.path(), b.get().qualified());
          if (m.isEmpty()) {
            m = modules.python(file.path(), b.get().module());
          }
          return m.flatMap(f -> Optional.ofNullable(modules.definitions(f).constants().get(attr)));
        }
        return Optional.ofNullable(Definitions.of(file).constants().get(attr));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> importedConstant(CodeFile file, PyImports.Binding b, Modules modules) {
    if (b.name() == null) {
      return Optional.empty();
    }
    return modules.python(file.path(), b.module())
        .flatMap(f -> Optional.ofNullable(modules.definitions(f).constants().get(b.name())));
  }

  /** The keyword argument {@code name} of a call's argument list, if given. */
  public static Optional<TSNode> kwarg(TSNode arguments, String name, CodeFile file) {
    for (TSNode a : dev.quarry.syntax.SourceTree.namedChildren(arguments)) {
      if (a.getType().equals("keyword_argument") && file.text(a.getChildByFieldName("name")).equals(name)) {
        return Optional.of(a.getChildByFieldName("value"));
      }
    }
    return Optional.empty();
  }

  /** The {@code index}-th positional argument of a call's argument list, if given. */
  public static Optional<TSNode> positional(TSNode arguments, int index) {
    int i = 0;
    for (TSNode a : dev.quarry.syntax.SourceTree.namedChildren(arguments)) {
      String t = a.getType();
      if (t.equals("keyword_argument") || t.equals("comment") || t.equals("list_splat")
          || t.equals("dictionary_splat")) {
        continue;
      }
      if (i++ == index) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
