package dev.quarry.extract.openapi;

import java.util.List;

/**
 * A named type the generated code declares: an object with fields, or an alias of another type.
 */
sealed interface TypeDecl permits TypeDecl.ObjectDecl, TypeDecl.Alias {
  /** The declared name, a valid identifier in every client language. */
  String name();

  /** One field of an object type. */
  record Field(String wireName, TypeRef type, boolean required, String description) {}

  /** An object type with fields in schema order. */
  record ObjectDecl(String name, String description, List<Field> fields) implements TypeDecl {
    /** Copies the list. */
    public ObjectDecl {
      fields = List.copyOf(fields);
    }
  }

  /** A name for another type (arrays, unions, maps, or a schema left opaque to keep the answer short). */
  record Alias(String name, String description, TypeRef type) implements TypeDecl {}
}
