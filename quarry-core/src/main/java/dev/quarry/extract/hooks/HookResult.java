package dev.quarry.extract.hooks;

import dev.quarry.extract.code.CodeFile;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * The members of a hook's declared result type ({@code (): UseChatResult} with {@code interface UseChatResult}
 * or {@code type UseChatResult = {…}} in the hook's own file), so a demo component calls each action with
 * arguments of the declared types instead of guessing from the member's name.
 */
final class HookResult {
  private static final Pattern RETURN_TYPE = Pattern.compile(
      "\\)\\s*:\\s*([A-Za-z_$][\\w$]*)(?:<.*>)?\\s*(?:=>|\\{)?\\s*$");

  /**
   * One member of the result type.
   *
   * @param name the member's name
   * @param type its type as written ({@code (goal: string) => Promise<AgentRun | undefined>})
   * @param params the parameters when the member is a function, else empty
   * @param function whether the member is a function (property of function type or method signature)
   * @param optional whether the member may be absent ({@code name?: …})
   */
  record Member(String name, String type, List<Hook.Param> params, boolean function, boolean optional) {
    Member {
      params = List.copyOf(params);
    }

    /** Whether calling it returns a promise. */
    boolean async() {
      return type.matches("(?s).*=>\\s*Promise<.*") || type.matches("(?s).*\\)\\s*:\\s*Promise<.*");
    }
  }

  private HookResult() {}

  /** The members of the result type the hook's signature declares, when the hook's file defines that type. */
  static Optional<List<Member>> of(CodeFile f, Hook h) {
    Matcher m = RETURN_TYPE.matcher(h.signature().strip());
    if (!m.find()) {
      return Optional.empty();
    }
    return declared(f, m.group(1));
  }

  /** The members of the interface or object type alias {@code type} the file declares. */
  static Optional<List<Member>> declared(CodeFile f, String type) {
    for (TSNode stmt : SourceTree.namedChildren(f.root())) {
      TSNode decl = stmt;
      if (stmt.getType().equals("export_statement")) {
        decl = stmt.getChildByFieldName("declaration");
        if (decl == null || decl.isNull()) {
          continue;
        }
      }
      TSNode name = decl.getChildByFieldName("name");
      if (name == null || name.isNull() || !f.text(name).equals(type)) {
        continue;
      }
      TSNode body = switch (decl.getType()) {
        case "interface_declaration" -> decl.getChildByFieldName("body");
        case "type_alias_declaration" -> decl.getChildByFieldName("value");
        default -> null;
      };
      if (body != null && !body.isNull() && (body.getType().equals("interface_body")
          || body.getType().equals("object_type"))) {
        return Optional.of(members(f, body));
      }
    }
    return Optional.empty();
  }

  /**
   * The members of an undeclared result ({@code return [on, toggle] as const}), read from the hook's own body:
   * a returned name bound there to a function ({@code const toggle = () => …}, or wrapped as in
   * {@code useCallback((x: string) => …, [])}) is a function with that function's parameters; any other returned
   * name is a value. Empty when the hook returns no named elements.
   */
  static Optional<List<Member>> inferred(CodeFile f, TSNode definition, Hook h) {
    if (h.returned().isEmpty() || !(h.shape().equals("array") || h.shape().equals("object"))) {
      return Optional.empty();
    }
    java.util.Map<String, TSNode> functions = new java.util.HashMap<>();
    SourceTree.walk(definition, n -> {
      // `const reload = () => …` and, in the returned object itself, `reload: () => …`.
      if (n.getType().equals("variable_declarator") || n.getType().equals("pair")) {
        TSNode name = n.getChildByFieldName(n.getType().equals("pair") ? "key" : "name");
        TSNode fn = function(n.getChildByFieldName("value"));
        if (name != null && !name.isNull() && fn != null && h.returned().contains(f.text(name))) {
          functions.putIfAbsent(f.text(name), fn);
        }
      }
      return true;
    });
    List<Member> out = new ArrayList<>();
    for (String name : h.returned()) {
      TSNode fn = functions.get(name);
      out.add(fn == null ? new Member(name, "", List.of(), false, false)
          : new Member(name, f.text(fn).startsWith("async") ? "() => Promise<unknown>" : "", HookShape.params(f, fn),
              true, false));
    }
    return Optional.of(out);
  }

  /** The function a declarator's value is, directly or as the first argument of a wrapper call. */
  private static TSNode function(TSNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    String t = value.getType();
    if (t.equals("arrow_function") || t.equals("function_expression") || t.equals("function")) {
      return value;
    }
    if (t.equals("call_expression")) {
      TSNode args = value.getChildByFieldName("arguments");
      if (args != null && !args.isNull() && args.getNamedChildCount() > 0) {
        TSNode first = args.getNamedChild(0);
        String ft = first.getType();
        return ft.equals("arrow_function") || ft.equals("function_expression") || ft.equals("function") ? first
            : null;
      }
    }
    return null;
  }

  private static List<Member> members(CodeFile f, TSNode body) {
    List<Member> out = new ArrayList<>();
    for (TSNode n : SourceTree.namedChildren(body)) {
      TSNode name = n.getChildByFieldName("name");
      if (name == null || name.isNull() || !name.getType().equals("property_identifier")) {
        continue;
      }
      if (n.getType().equals("method_signature")) {
        out.add(new Member(f.text(name), f.text(n).substring(f.text(name).length()).strip(),
            HookShape.params(f, n), true, false));
      } else if (n.getType().equals("property_signature")) {
        TSNode ann = n.getChildByFieldName("type");
        TSNode t = ann == null || ann.isNull() ? null : ann.getNamedChild(0);
        String type = t == null || t.isNull() ? "" : f.text(t);
        // An optional member (`onDone?: () => void`) may be undefined: a demo shows it, never calls it.
        boolean optional = f.text(n).startsWith(f.text(name) + "?");
        boolean fn = !optional && t != null && !t.isNull() && t.getType().equals("function_type");
        out.add(new Member(f.text(name), type, fn ? HookShape.params(f, t) : List.of(), fn, optional));
      }
    }
    return out;
  }
}
