package org.rishe.common.contract;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One field of an entity in the data contract.
 *
 * @param allowed for {@link FieldType#ENUM}, the accepted values; empty otherwise
 * @param defaultValue the raw text assumed when the cell is empty, or null
 */
public record Field(
    String name, FieldType type, boolean required, Set<String> allowed, String defaultValue) {
  public Field {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    allowed = Set.copyOf(allowed);
    if (type == FieldType.ENUM && allowed.isEmpty()) {
      throw new IllegalArgumentException("enum field " + name + " has no allowed values");
    }
  }

  static Field required(String name, FieldType type) {
    return new Field(name, type, true, Set.of(), null);
  }

  static Field optional(String name, FieldType type) {
    return new Field(name, type, false, Set.of(), null);
  }

  static Field requiredEnum(String name, String... values) {
    return new Field(name, FieldType.ENUM, true, Set.of(values), null);
  }

  static Field optionalEnum(String name, String... values) {
    return new Field(name, FieldType.ENUM, false, Set.of(values), null);
  }

  Field withDefault(String value) {
    return new Field(name, type, required, allowed, value);
  }
}
