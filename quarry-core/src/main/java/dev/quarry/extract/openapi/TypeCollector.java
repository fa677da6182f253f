package dev.quarry.extract.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quarry.io.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the schemas one operation uses into {@link TypeRef}s and the {@link TypeDecl}s they need, in
 * first-use order. Component schemas become named declarations, which keeps {@code $ref} cycles finite; past
 * {@link #MAX_DECLS} declarations further schemas stay opaque so an answer never balloons. Not thread-safe:
 * one instance per operation.
 */
final class TypeCollector {
  /** At most this many declarations are written out in full for one operation. */
  static final int MAX_DECLS = 16;

  private static final Set<String> RESERVED = Set.of("Error", "ApiError", "Response", "Request", "Record",
      "Promise", "Date", "Object", "String", "Number", "Boolean", "Array", "Map", "Set", "Any", "List", "Dict",
      "Optional", "Union", "Literal", "TypedDict", "NotRequired", "TypeAlias", "Exception", "Client", "Symbol",
      "Function", "JSON", "URL", "Headers", "ClientOptions", "None", "True", "False", "Type", "Bytes", "Int");

  private final Map<String, Schema> components;
  private final ExternalSchemas external;
  private final Map<String, String> componentNames = new HashMap<>();
  private final Map<String, TypeDecl> decls = new LinkedHashMap<>();
  private final Set<String> usedNames = new HashSet<>();

  /** A collector over the spec's {@code components.schemas} (may be null), with no external schemas. */
  TypeCollector(Map<String, Schema> components) {
    this(components, ExternalSchemas.none());
  }

  /** A collector over the spec's {@code components.schemas} (may be null) and file references left unresolved. */
  TypeCollector(Map<String, Schema> components, ExternalSchemas external) {
    this.components = components == null ? Map.of() : components;
    this.external = external;
  }

  /** The schema a reference points to, or null. */
  private Schema<?> target(String ref) {
    String key = componentKey(ref);
    if (key != null) {
      return components.get(key);
    }
    return external.load(ref).orElse(null);
  }

  /** The name a reference's type gets before it is made unique. */
  private static String rawName(String ref) {
    String key = componentKey(ref);
    return key != null ? key : ExternalSchemas.nameOf(ref);
  }

  /** The declarations needed so far, in first-use order. */
  List<TypeDecl> declarations() {
    return List.copyOf(decls.values());
  }

  /** The component schema {@code s} refers to, or {@code s} itself; follows chains of refs a bounded number of times. */
  Schema<?> resolve(Schema<?> s) {
    Schema<?> cur = s;
    for (int i = 0; i < 8 && cur != null && cur.get$ref() != null; i++) {
      cur = target(cur.get$ref());
    }
    return cur;
  }

  /**
   * The type of {@code s}.
   *
   * @param s a schema, may be null (any value)
   * @param hint the name an inline object type gets (PascalCase)
   */
  TypeRef typeOf(Schema<?> s, String hint) {
    if (s == null) {
      return TypeRef.ANY;
    }
    if (s.get$ref() != null) {
      return named(s.get$ref());
    }
    TypeRef t = bare(s, hint);
    return isNullable(s) && !(t instanceof TypeRef.Anything) ? new TypeRef.Nullable(t) : t;
  }

  private TypeRef bare(Schema<?> s, String hint) {
    if (s.getConst() != null) {
      return new TypeRef.Literals(List.of(json(s.getConst())));
    }
    if (s.getEnum() != null && !s.getEnum().isEmpty()) {
      Set<String> values = new LinkedHashSet<>();
      for (Object v : s.getEnum()) {
        if (v != null) {
          values.add(json(v));
        }
      }
      if (!values.isEmpty()) {
        return new TypeRef.Literals(new ArrayList<>(values));
      }
    }
    List<Schema> alternatives = s.getOneOf() != null && !s.getOneOf().isEmpty() ? s.getOneOf() : s.getAnyOf();
    if (alternatives != null && !alternatives.isEmpty()) {
      Set<TypeRef> members = new LinkedHashSet<>();
      int i = 1;
      for (Schema<?> m : alternatives) {
        members.add(typeOf(m, hint + "Option" + i++));
      }
      return members.size() == 1 ? members.iterator().next() : new TypeRef.Union(new ArrayList<>(members));
    }
    if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
      if (s.getAllOf().size() == 1 && (s.getProperties() == null || s.getProperties().isEmpty())) {
        return typeOf(s.getAllOf().get(0), hint);
      }
      return inlineObject(s, hint);
    }
    List<String> types = types(s);
    if (types.size() > 1) {
      List<TypeRef> members = new ArrayList<>();
      for (String t : types) {
        members.add(ofType(t, s, hint));
      }
      return new TypeRef.Union(members);
    }
    if (types.isEmpty()) {
      if (s.getProperties() != null && !s.getProperties().isEmpty()) {
        return inlineObject(s, hint);
      }
      if (s.getItems() != null) {
        return new TypeRef.ListOf(typeOf(s.getItems(), hint + "Item"));
      }
      return TypeRef.ANY;
    }
    return ofType(types.get(0), s, hint);
  }

  private TypeRef ofType(String type, Schema<?> s, String hint) {
    switch (type) {
      case "string":
        return new TypeRef.Prim("binary".equals(s.getFormat()) ? "binary" : "string");
      case "integer":
      case "number":
      case "boolean":
        return new TypeRef.Prim(type);
      case "array":
        return new TypeRef.ListOf(typeOf(s.getItems(), hint + "Item"));
      case "object":
        if (s.getProperties() != null && !s.getProperties().isEmpty()) {
          return inlineObject(s, hint);
        }
        Object ap = s.getAdditionalProperties();
        return new TypeRef.MapOf(ap instanceof Schema<?> aps ? typeOf(aps, hint + "Value") : TypeRef.ANY);
      default:
        return TypeRef.ANY;
    }
  }

  private TypeRef inlineObject(Schema<?> s, String hint) {
    if (decls.size() >= MAX_DECLS) {
      return new TypeRef.MapOf(TypeRef.ANY);
    }
    String name = reserveName(hint);
    decls.put(name, new TypeDecl.Alias(name, "", TypeRef.ANY));
    decls.put(name, objectDecl(name, s));
    return new TypeRef.Named(name);
  }

  private TypeRef named(String ref) {
    String key = componentKey(ref) != null ? componentKey(ref) : ref;
    Schema<?> target = target(ref);
    if (target == null) {
      return TypeRef.ANY;
    }
    String existing = componentNames.get(key);
    if (existing != null) {
      return new TypeRef.Named(existing);
    }
    String name = reserveName(rawName(ref));
    componentNames.put(key, name);
    if (decls.size() >= MAX_DECLS) {
      decls.put(name, new TypeDecl.Alias(name, "Schema " + rawName(ref) + ", left opaque to keep the example short.",
          new TypeRef.MapOf(TypeRef.ANY)));
      return new TypeRef.Named(name);
    }
    // Registered before descending so that a schema referring back to itself ends here.
    decls.put(name, new TypeDecl.Alias(name, "", TypeRef.ANY));
    if (target.get$ref() == null && isObjectLike(target)) {
      decls.put(name, objectDecl(name, target));
    } else {
      decls.put(name, new TypeDecl.Alias(name, oneLine(target.getDescription()), typeOf(target, name)));
    }
    return new TypeRef.Named(name);
  }

  private boolean isObjectLike(Schema<?> s) {
    boolean oneOf = (s.getOneOf() != null && !s.getOneOf().isEmpty()) || (s.getAnyOf() != null && !s.getAnyOf().isEmpty());
    if (oneOf || (s.getEnum() != null && !s.getEnum().isEmpty())) {
      return false;
    }
    return (s.getProperties() != null && !s.getProperties().isEmpty())
        || (s.getAllOf() != null && s.getAllOf().size() > 1)
        || (s.getAllOf() != null && s.getAllOf().size() == 1 && s.getProperties() != null);
  }

  private TypeDecl.ObjectDecl objectDecl(String name, Schema<?> s) {
    Map<String, TypeDecl.Field> fields = new LinkedHashMap<>();
    collectFields(s, name, fields, new HashSet<>());
    return new TypeDecl.ObjectDecl(name, oneLine(s.getDescription()), new ArrayList<>(fields.values()));
  }

  private void collectFields(Schema<?> s, String name, Map<String, TypeDecl.Field> fields, Set<String> seen) {
    if (s == null) {
      return;
    }
    if (s.get$ref() != null) {
      if (seen.add(s.get$ref())) {
        collectFields(target(s.get$ref()), name, fields, seen);
      }
      return;
    }
    if (s.getAllOf() != null) {
      for (Schema<?> part : s.getAllOf()) {
        collectFields(part, name, fields, seen);
      }
    }
    if (s.getProperties() == null) {
      return;
    }
    Set<String> required = s.getRequired() == null ? Set.of() : new HashSet<>(s.getRequired());
    for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
      TypeRef t = typeOf(p.getValue(), name + Names.pascal(p.getKey()));
      String doc = p.getValue() == null ? "" : oneLine(p.getValue().getDescription());
      fields.put(p.getKey(), new TypeDecl.Field(p.getKey(), t, required.contains(p.getKey()), doc));
    }
  }

  private String reserveName(String raw) {
    String base = Names.pascal(raw);
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "T" + base;
    }
    if (RESERVED.contains(base)) {
      base = base + "Model";
    }
    String name = base;
    for (int i = 2; usedNames.contains(name); i++) {
      name = base + i;
    }
    usedNames.add(name);
    return name;
  }

  /** The component name a local {@code #/components/schemas/X} (or Swagger 2 {@code #/definitions/X}) ref names. */
  static String componentKey(String ref) {
    for (String prefix : new String[] {"#/components/schemas/", "#/definitions/"}) {
      if (ref.startsWith(prefix)) {
        String k = ref.substring(prefix.length());
        if (k.contains("/")) {
          return null;
        }
        return URLDecoder.decode(k, StandardCharsets.UTF_8).replace("~1", "/").replace("~0", "~");
      }
    }
    return null;
  }

  static List<String> types(Schema<?> s) {
    List<String> out = new ArrayList<>();
    if (s.getType() != null) {
      out.add(s.getType());
    } else if (s.getTypes() != null) {
      s.getTypes().stream().filter(t -> !"null".equals(t)).sorted().forEach(out::add);
    }
    return out;
  }

  static boolean isNullable(Schema<?> s) {
    return Boolean.TRUE.equals(s.getNullable()) || (s.getTypes() != null && s.getTypes().contains("null"));
  }

  private static String json(Object v) {
    try {
      return Json.mapper().writeValueAsString(SampleValues.tree(v));
    } catch (JsonProcessingException e) {
      return "\"" + v + "\"";
    }
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() > 160 ? t.substring(0, 157) + "..." : t;
  }
}
