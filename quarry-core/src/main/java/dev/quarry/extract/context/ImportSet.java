package dev.quarry.extract.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The import lines one code block needs, merged per module and rendered in a stable order: Python
 * {@code import m} lines, then {@code from m import a, b} by module; TypeScript one {@code import} statement
 * per specifier, packages before relative paths.
 */
final class ImportSet {
  private static final int MAX_LINE = 88;

  private final boolean python;
  private final TreeSet<String> future = new TreeSet<>();
  private final TreeSet<String> plain = new TreeSet<>();
  private final Map<String, TreeSet<String>> named = new TreeMap<>();
  private final Map<String, String> defaults = new TreeMap<>();
  private final Map<String, String> namespaces = new TreeMap<>();

  ImportSet(boolean python) {
    this.python = python;
  }

  /** Python {@code from __future__ import feature}, rendered first. */
  void future(String feature) {
    future.add(feature);
  }

  /** Python {@code import module [as local]}. */
  void module(String module, String local) {
    plain.add(local == null || local.equals(module) || module.startsWith(local + ".") ? module
        : module + " as " + local);
  }

  /** Python {@code from module import name [as local]}; TypeScript {@code import { name [as local] } from module}. */
  void name(String module, String name, String local) {
    named.computeIfAbsent(module, k -> new TreeSet<>()).add(local == null || local.equals(name) ? name
        : name + " as " + local);
  }

  /** TypeScript {@code import local from module}. */
  void defaultImport(String module, String local) {
    defaults.putIfAbsent(module, local);
  }

  /** TypeScript {@code import * as local from module}. */
  void namespace(String module, String local) {
    namespaces.putIfAbsent(module, local);
  }

  boolean isEmpty() {
    return future.isEmpty() && plain.isEmpty() && named.isEmpty() && defaults.isEmpty() && namespaces.isEmpty();
  }

  /** The import lines, one statement per line (a long Python import wrapped in parentheses). */
  List<String> lines() {
    return python ? pythonLines() : scriptLines();
  }

  private List<String> pythonLines() {
    List<String> out = new ArrayList<>();
    if (!future.isEmpty()) {
      out.add("from __future__ import " + String.join(", ", future));
    }
    plain.forEach(m -> out.add("import " + m));
    named.forEach((m, names) -> {
      String one = "from " + m + " import " + String.join(", ", names);
      if (one.length() <= MAX_LINE) {
        out.add(one);
      } else {
        StringBuilder s = new StringBuilder("from ").append(m).append(" import (");
        names.forEach(n -> s.append("\n    ").append(n).append(','));
        out.add(s.append("\n)").toString());
      }
    });
    return out;
  }

  private List<String> scriptLines() {
    TreeSet<String> specs = new TreeSet<>((a, b) -> {
      boolean ra = a.startsWith(".");
      boolean rb = b.startsWith(".");
      return ra != rb ? (ra ? 1 : -1) : a.compareTo(b);
    });
    specs.addAll(named.keySet());
    specs.addAll(defaults.keySet());
    specs.addAll(namespaces.keySet());
    List<String> out = new ArrayList<>();
    for (String spec : specs) {
      String from = " from \"" + spec + "\";";
      if (namespaces.containsKey(spec)) {
        out.add("import * as " + namespaces.get(spec) + from);
      }
      List<String> parts = new ArrayList<>();
      if (defaults.containsKey(spec)) {
        parts.add(defaults.get(spec));
      }
      if (named.containsKey(spec)) {
        parts.add("{ " + String.join(", ", named.get(spec)) + " }");
      }
      if (!parts.isEmpty()) {
        out.add("import " + String.join(", ", parts) + from);
      }
    }
    return out;
  }
}
