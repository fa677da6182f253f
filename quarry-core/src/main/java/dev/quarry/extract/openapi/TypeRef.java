package dev.quarry.extract.openapi;

import java.util.List;

/**
 * A language-neutral type of the generated client code, derived from an OpenAPI schema. Writers for each
 * client language render it; named types refer to a {@link TypeDecl} by name, which is what keeps cyclic
 * schemas finite.
 */
sealed interface TypeRef permits TypeRef.Prim, TypeRef.Named, TypeRef.ListOf, TypeRef.MapOf, TypeRef.Union,
    TypeRef.Literals, TypeRef.Anything, TypeRef.Nullable {

  /** A primitive: {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code binary}. */
  record Prim(String kind) implements TypeRef {}

  /** A reference to a declared type. */
  record Named(String name) implements TypeRef {}

  /** An array of {@code item}. */
  record ListOf(TypeRef item) implements TypeRef {}

  /** An object with free keys and values of {@code value}. */
  record MapOf(TypeRef value) implements TypeRef {}

  /** One of several types. */
  record Union(List<TypeRef> members) implements TypeRef {
    /** Copies the list. */
    public Union {
      members = List.copyOf(members);
    }
  }

  /**
   * An enumeration of literal values, each already rendered as a JSON literal ({@code "a"}, {@code 1},
   * {@code true}).
   */
  record Literals(List<String> jsonValues) implements TypeRef {
    /** Copies the list. */
    public Literals {
      jsonValues = List.copyOf(jsonValues);
    }
  }

  /** Any JSON value. */
  record Anything() implements TypeRef {}

  /** {@code inner} or null. */
  record Nullable(TypeRef inner) implements TypeRef {}

  /** The shared {@link Anything} value. */
  TypeRef ANY = new Anything();
}
