package com.onestepai.osai;

import org.jspecify.annotations.Nullable;

/**
 * The values of an enum of the OSAI API, open to values this SDK does not know yet. Each enum of
 * the spec is a final class with a constant per value it lists ({@code Status.ACTIVE}), and {@code
 * of(value)} for any value: a listed one gives its constant, any other an instance that carries it.
 * A value the server adds after this SDK was built therefore reads without error, stays readable
 * through {@link #value()}, and is sent back unchanged.
 *
 * <p>Compare with {@code equals} (or {@code ==} against a constant: a listed value is always its
 * constant), or switch on the generated {@code known()}, a Java enum with {@code _UNKNOWN} for any
 * value the spec does not list:
 *
 * <pre>{@code
 * switch (annotation.getKind().known()) {
 *   case POLYGON: ...; break;
 *   case _UNKNOWN: log("new kind " + annotation.getKind().value()); break;
 * }
 * }</pre>
 *
 * {@link #toString()} is the value as it goes in a URL.
 *
 * @param <V> the value's type: {@code String}, {@code Integer} or {@code Long} (an enum of
 *     integers, as ASP.NET writes them by default)
 */
public abstract class OpenEnum<V> {
  private final V value;
  private final boolean known;

  /**
   * For the generated enums only.
   *
   * @param value the value on the wire
   * @param known whether the spec lists it
   */
  protected OpenEnum(V value, boolean known) {
    if (value == null) {
      throw new NullPointerException("value == null");
    }
    this.value = value;
    this.known = known;
  }

  /** The value as the API writes it: a {@code String}, {@code Integer} or {@code Long}. */
  public final V value() {
    return value;
  }

  /**
   * Whether the spec this SDK was built from lists this value. {@code false} for a value the server
   * added since: handle it as "other" rather than fail.
   */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return o == this
        || (o != null && o.getClass() == getClass() && value.equals(((OpenEnum<?>) o).value));
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** The value as text, as it goes in a query or path parameter: {@code "active"}, {@code "2"}. */
  @Override
  public final String toString() {
    return value.toString();
  }
}
