package dev.quarry.extract.agents;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.JsStrings;
import dev.quarry.extract.code.PyStrings;
import dev.quarry.extract.code.PyValues;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Constructions of agent objects: {@code Agent(name=..., instructions=..., functions=[...])} (Swarm, CrewAI,
 * AutoGen's {@code AssistantAgent}), {@code new ToolLoopAgent({model, instructions, tools})} (AI SDK), builder
 * calls such as LangGraph's {@code create_react_agent(model, tools=[...])}. Each becomes a candidate spanning its
 * statement, with the agent's name, instructions and the tools it wires in.
 */
final class AgentDefinitions {
  /** The constructor and builder names recognised when {@code extractors.agents.constructors} is not set. */
  static final List<String> DEFAULT_CONSTRUCTORS = List.of("Agent", "ToolLoopAgent", "Experimental_Agent",
      "AssistantAgent", "ConversableAgent", "UserProxyAgent", "ChatAgent", "ReActAgent", "FunctionAgent",
      "LlmAgent", "create_react_agent", "create_agent");
  private static final Set<String> NAME_KEYS = Set.of("name", "id", "role");
  private static final List<String> INSTRUCTION_KEYS = List.of("instructions", "system", "system_prompt",
      "system_message", "prompt", "goal", "description");
  private static final Set<String> TOOL_KEYS = Set.of("functions", "tools", "handoffs", "agents");

  /**
   * One agent construction.
   *
   * @param name the agent's name (its {@code name} argument, else the variable it is assigned to)
   * @param constructor the constructor or builder called
   * @param instructions the literal instructions, or ""
   * @param tools the tools and hand-offs it wires in, as written, in order
   * @param variable the variable it is assigned to, or ""
   */
  record Definition(String name, String constructor, String instructions, List<String> tools, String variable) {
    Definition {
      tools = List.copyOf(tools);
    }
  }

  private AgentDefinitions() {}

  /** The agent constructions of a file, in document order. */
  static List<Candidate<?>> of(CodeFile f, Set<String> constructors) {
    List<Candidate<?>> out = new ArrayList<>();
    boolean python = f.grammar() == Grammar.PYTHON;
    SourceTree.walk(f.root(), n -> {
      String t = n.getType();
      if (python ? t.equals("call") : t.equals("new_expression") || t.equals("call_expression")) {
        Optional<Definition> d = python ? python(f, n, constructors) : js(f, n, constructors);
        if (d.isPresent()) {
          TSNode span = statementOf(n);
          out.add(new Candidate<>(d.get().name(), span, span, d.get()));
          return false;
        }
      }
      return true;
    });
    return out;
  }

  private static Optional<Definition> python(CodeFile f, TSNode call, Set<String> constructors) {
    String ctor = last(f.text(call.getChildByFieldName("function")));
    TSNode args = call.getChildByFieldName("arguments");
    if (!constructors.contains(ctor) || args == null || args.isNull() || !args.getType().equals("argument_list")) {
      return Optional.empty();
    }
    String variable = variable(f, call);
    String name = NAME_KEYS.stream().map(k -> PyValues.kwarg(args, k, f)).flatMap(Optional::stream)
        .map(v -> PyStrings.value(f, v)).flatMap(Optional::stream).findFirst().orElse(variable);
    String instructions = INSTRUCTION_KEYS.stream().map(k -> PyValues.kwarg(args, k, f)).flatMap(Optional::stream)
        .map(v -> PyStrings.value(f, v)).flatMap(Optional::stream).findFirst().orElse("");
    List<String> tools = new ArrayList<>();
    for (TSNode a : SourceTree.namedChildren(args)) {
      if (a.getType().equals("keyword_argument") && TOOL_KEYS.contains(f.text(a.getChildByFieldName("name")))) {
        items(f, a.getChildByFieldName("value"), tools);
      }
    }
    if (name.isEmpty() || instructions.isEmpty() && tools.isEmpty() && !ctor.startsWith("create_")) {
      return Optional.empty();
    }
    return Optional.of(new Definition(name, ctor, instructions, tools, variable));
  }

  private static Optional<Definition> js(CodeFile f, TSNode call, Set<String> constructors) {
    boolean isNew = call.getType().equals("new_expression");
    TSNode fn = call.getChildByFieldName(isNew ? "constructor" : "function");
    if (fn == null || fn.isNull() || !constructors.contains(last(f.text(fn)))) {
      return Optional.empty();
    }
    TSNode args = call.getChildByFieldName("arguments");
    List<TSNode> list = args == null || args.isNull() ? List.of() : SourceTree.namedChildren(args);
    TSNode options = list.stream().filter(a -> a.getType().equals("object")).findFirst().orElse(null);
    if (options == null) {
      return Optional.empty();
    }
    String variable = variable(f, call);
    String name = variable;
    String instructions = "";
    List<String> tools = new ArrayList<>();
    boolean llm = false;
    for (TSNode p : SourceTree.namedChildren(options)) {
      String key = p.getType().equals("pair") ? f.text(p.getChildByFieldName("key")).replaceAll("['\"]", "")
          : p.getType().equals("shorthand_property_identifier") ? f.text(p) : "";
      llm |= key.equals("model") || TOOL_KEYS.contains(key) || INSTRUCTION_KEYS.contains(key);
      TSNode value = p.getType().equals("pair") ? p.getChildByFieldName("value") : null;
      if (NAME_KEYS.contains(key) && value != null && JsStrings.isLiteral(value)) {
        name = JsStrings.value(f, value);
      } else if (INSTRUCTION_KEYS.contains(key) && instructions.isEmpty() && value != null
          && JsStrings.isLiteral(value)) {
        instructions = JsStrings.value(f, value);
      } else if (TOOL_KEYS.contains(key)) {
        if (value == null) {
          tools.add(key);
        } else {
          items(f, value, tools);
        }
      }
    }
    // An agent is configured with a model, instructions or tools; `new Agent({ keepAlive: true })` is an HTTP agent.
    if (name.isEmpty() || !llm) {
      return Optional.empty();
    }
    return Optional.of(new Definition(name, last(f.text(fn)), instructions, tools, variable));
  }

  /** The names in a list or object of tools: identifiers, attribute names, object keys. */
  private static void items(CodeFile f, TSNode value, List<String> out) {
    for (TSNode c : SourceTree.namedChildren(value)) {
      switch (c.getType()) {
        case "identifier", "attribute", "member_expression", "shorthand_property_identifier" -> out.add(f.text(c));
        case "pair" -> out.add(f.text(c.getChildByFieldName("key")).replaceAll("['\"]", ""));
        case "call", "call_expression" -> {
          TSNode inner = c.getChildByFieldName("function");
          out.add(f.text(inner == null || inner.isNull() ? c : inner) + "(…)");
        }
        default -> { }
      }
    }
  }

  private static String variable(CodeFile f, TSNode call) {
    TSNode p = call.getParent();
    if (p == null || p.isNull()) {
      return "";
    }
    if (p.getType().equals("assignment") && p.getChildByFieldName("left").getType().equals("identifier")) {
      return f.text(p.getChildByFieldName("left"));
    }
    if (p.getType().equals("variable_declarator") && p.getChildByFieldName("name").getType().equals("identifier")) {
      return f.text(p.getChildByFieldName("name"));
    }
    if (p.getType().equals("assignment_expression")) {
      String left = f.text(p.getChildByFieldName("left"));
      return left.substring(left.lastIndexOf('.') + 1);
    }
    // `return new ToolLoopAgent({...})` in a factory: the factory's name.
    for (TSNode q = p; q != null && !q.isNull(); q = q.getParent()) {
      String t = q.getType();
      if (t.equals("function_definition") || t.equals("function_declaration") || t.equals("method_definition")) {
        return f.text(q.getChildByFieldName("name"));
      }
      if ((t.equals("arrow_function") || t.equals("function_expression")) && q.getParent() != null
          && !q.getParent().isNull() && q.getParent().getType().equals("variable_declarator")) {
        return f.text(q.getParent().getChildByFieldName("name"));
      }
    }
    return "";
  }

  private static String last(String dotted) {
    String s = dotted.replace(" ", "");
    return s.contains(".") ? s.substring(s.lastIndexOf('.') + 1) : s;
  }

  /** The statement holding the construction: its assignment or declaration, export included. */
  private static TSNode statementOf(TSNode n) {
    TSNode c = n;
    while (true) {
      TSNode p = c.getParent();
      if (p == null || p.isNull()) {
        return c;
      }
      String t = p.getType();
      if (t.equals("module") || t.equals("program") || t.equals("block") || t.equals("statement_block")
          || t.equals("list") || t.equals("array") || t.equals("argument_list") || t.equals("arguments")
          || t.equals("class_body")) {
        return c;
      }
      c = p;
    }
  }
}
