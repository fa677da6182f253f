package dev.quarry.extract.hooks;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.DocComments;
import dev.quarry.extract.code.Definitions;
import dev.quarry.extract.code.Signatures;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Finds hooks defined and exported by a module: {@code export function useX}, {@code export const useX = …},
 * {@code export default function useX}, and local definitions exported later by {@code export default useX}
 * or {@code export { useX }}. Re-exports ({@code export { default as useX } from './useX'}) define nothing
 * and are not counted, so an index file does not count a hook twice.
 */
final class HookFinder {
  private record Def(TSNode statement, TSNode declarator, TSNode function) {}

  private HookFinder() {}

  static boolean isHookName(String name) {
    return name.length() > 3 && name.startsWith("use")
        && (Character.isUpperCase(name.charAt(3)) || Character.isDigit(name.charAt(3)));
  }

  static List<Candidate<?>> hooks(CodeFile f) {
    Map<String, Def> local = new HashMap<>();
    Map<String, Def> exported = new java.util.LinkedHashMap<>();
    Set<String> exportedNames = new HashSet<>();
    String defaultName = null;
    for (TSNode stmt : SourceTree.namedChildren(f.root())) {
      String t = stmt.getType();
      if (t.equals("export_statement")) {
        TSNode decl = stmt.getChildByFieldName("declaration");
        TSNode value = stmt.getChildByFieldName("value");
        boolean isDefault = f.text(stmt).startsWith("export default");
        if (decl != null && !decl.isNull()) {
          for (Map.Entry<String, Def> e : definitions(f, stmt, decl).entrySet()) {
            exported.put(e.getKey(), e.getValue());
            if (isDefault) {
              defaultName = e.getKey();
            }
          }
        } else if (value != null && !value.isNull()) {
          if (value.getType().equals("identifier")) {
            defaultName = f.text(value);
            exportedNames.add(defaultName);
          } else if (value.getType().equals("function_expression") || value.getType().equals("function")) {
            TSNode n = value.getChildByFieldName("name");
            if (n != null && !n.isNull() && isHookName(f.text(n))) {
              exported.put(f.text(n), new Def(stmt, value, value));
              defaultName = f.text(n);
            }
          }
        } else if (stmt.getChildByFieldName("source") == null || stmt.getChildByFieldName("source").isNull()) {
          for (TSNode c : SourceTree.namedChildren(stmt)) {
            if (c.getType().equals("export_clause")) {
              for (TSNode s : SourceTree.namedChildren(c)) {
                if (s.getType().equals("export_specifier")) {
                  exportedNames.add(f.text(s.getChildByFieldName("name")));
                }
              }
            }
          }
        }
      } else {
        local.putAll(definitions(f, stmt, stmt));
      }
    }
    for (String n : exportedNames) {
      Def d = local.get(n);
      if (d != null) {
        exported.putIfAbsent(n, d);
      }
    }
    List<Map.Entry<String, Def>> sorted = new ArrayList<>(exported.entrySet());
    sorted.sort((a, b) -> Integer.compare(a.getValue().statement().getStartByte(),
        b.getValue().statement().getStartByte()));
    String framework = f.jsImports().importsAny("vue") ? "vue" : f.jsImports().importsAny("svelte") ? "svelte"
        : "react";
    List<Candidate<?>> out = new ArrayList<>();
    for (Map.Entry<String, Def> e : sorted) {
      Def d = e.getValue();
      TSNode typeParams = d.function().getChildByFieldName("type_parameters");
      Hook h = new Hook(e.getKey(), framework, e.getKey().equals(defaultName),
          signature(f, d), typeParams == null || typeParams.isNull() ? "" : f.text(typeParams), HookShape.params(f, d.function()), HookShape.shape(f, d.function()),
          HookShape.returned(f, d.function()),
          DocComments.before(f, d.statement()).map(Definitions::firstParagraph).orElse(""));
      out.add(Candidate.of(e.getKey(), d.statement(), h));
    }
    return out;
  }

  private static String signature(CodeFile f, Def d) {
    String t = d.function().getType();
    if (t.equals("arrow_function") || t.equals("function_expression") || t.equals("function")
        || t.equals("function_declaration") || t.equals("generator_function_declaration")) {
      return Signatures.header(f, d.declarator());
    }
    String text = f.text(d.declarator());
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static Map<String, Def> definitions(CodeFile f, TSNode stmt, TSNode decl) {
    Map<String, Def> out = new HashMap<>();
    String t = decl.getType();
    if (t.equals("function_declaration") || t.equals("generator_function_declaration")) {
      TSNode n = decl.getChildByFieldName("name");
      if (n != null && !n.isNull() && isHookName(f.text(n))) {
        out.put(f.text(n), new Def(stmt, decl, decl));
      }
    } else if (t.equals("lexical_declaration") || t.equals("variable_declaration")) {
      for (TSNode v : SourceTree.namedChildren(decl)) {
        if (!v.getType().equals("variable_declarator")) {
          continue;
        }
        TSNode n = v.getChildByFieldName("name");
        TSNode value = v.getChildByFieldName("value");
        if (n.getType().equals("identifier") && isHookName(f.text(n)) && value != null && !value.isNull()) {
          TSNode fn = unwrapCall(value);
          out.put(f.text(n), new Def(stmt, v, fn == null ? value : fn));
        }
      }
    }
    return out;
  }

  /** The function of {@code () => …}, {@code function () {…}} or a wrapper call such as {@code memo(fn)}. */
  private static TSNode unwrapCall(TSNode value) {
    String t = value.getType();
    if (t.equals("arrow_function") || t.equals("function_expression") || t.equals("function")) {
      return value;
    }
    if (t.equals("call_expression") || t.equals("as_expression") || t.equals("parenthesized_expression")) {
      for (TSNode c : SourceTree.namedChildren(t.equals("call_expression") ? value.getChildByFieldName("arguments")
          : value)) {
        TSNode fn = unwrapCall(c);
        if (fn != null) {
          return fn;
        }
      }
      return t.equals("call_expression") ? value : null;
    }
    return null;
  }
}
