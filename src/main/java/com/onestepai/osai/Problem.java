package com.onestepai.osai;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The details of an error answer written as an RFC 7807 problem ({@code application/problem+json}),
 * the way ASP.NET Core writes {@code ProblemDetails} and {@code ValidationProblemDetails}: read
 * from {@link OsaiServiceException#problem()}.
 *
 * <pre>{@code
 * } catch (BadRequestException e) {
 *   Problem problem = e.problem();
 *   if (problem != null) {
 *     problem.errors().forEach((field, messages) -> form.showError(field, messages.get(0)));
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and {@link Serializable}. Every text in it comes from the server with any access
 * token or JWT replaced by {@code [redacted]}, and each text is cut to its first 8,192 characters
 * (ending in {@code …} when there was more).
 */
public final class Problem implements Serializable {
  private static final long serialVersionUID = 1L;

  private final @Nullable String type;
  private final @Nullable String title;
  private final @Nullable Integer status;
  private final @Nullable String detail;
  private final @Nullable String instance;
  private final @Nullable String traceId;
  private final Map<String, List<String>> errors;
  private final Map<String, @Nullable Object> extensions;

  /**
   * Makes a problem, as the SDK does from an error answer; useful to test code that handles {@link
   * OsaiServiceException}. The maps and lists are copied.
   *
   * @param type a URI reference that names the kind of problem
   * @param title a short summary of the kind of problem
   * @param status the HTTP status the server wrote in the problem
   * @param detail what went wrong this time
   * @param instance a URI reference that names this occurrence
   * @param traceId the server's trace id (ASP.NET Core's {@code traceId}), for its logs
   * @param errors each field's validation messages ({@code ValidationProblemDetails}); empty or
   *     null for none
   * @param extensions the other members, as JSON values ({@code String}, {@code Double}, {@code
   *     Boolean}, {@code null}, {@code List} and {@code Map<String, Object>} of them); empty or
   *     null for none
   */
  public Problem(
      @Nullable String type,
      @Nullable String title,
      @Nullable Integer status,
      @Nullable String detail,
      @Nullable String instance,
      @Nullable String traceId,
      @Nullable Map<String, List<String>> errors,
      @Nullable Map<String, ? extends @Nullable Object> extensions) {
    this.type = type;
    this.title = title;
    this.status = status;
    this.detail = detail;
    this.instance = instance;
    this.traceId = traceId;
    Map<String, List<String>> errorsCopy = new LinkedHashMap<>();
    if (errors != null) {
      for (Map.Entry<String, List<String>> entry : errors.entrySet()) {
        errorsCopy.put(
            entry.getKey(), Collections.unmodifiableList(new ArrayList<>(entry.getValue())));
      }
    }
    this.errors = Collections.unmodifiableMap(errorsCopy);
    Map<String, @Nullable Object> extensionsCopy = new LinkedHashMap<>();
    if (extensions != null) {
      for (Map.Entry<String, ? extends @Nullable Object> entry : extensions.entrySet()) {
        extensionsCopy.put(entry.getKey(), immutableCopy(entry.getValue()));
      }
    }
    this.extensions = Collections.unmodifiableMap(extensionsCopy);
  }

  private static @Nullable Object immutableCopy(@Nullable Object value) {
    if (value instanceof Map) {
      Map<String, @Nullable Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        copy.put(String.valueOf(entry.getKey()), immutableCopy(entry.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      List<@Nullable Object> copy = new ArrayList<>();
      for (Object element : (List<?>) value) {
        copy.add(immutableCopy(element));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** A URI reference that names the kind of problem, such as an RFC 9110 section; or null. */
  public @Nullable String type() {
    return type;
  }

  /** A short summary of the kind of problem, such as {@code One or more validation errors…}. */
  public @Nullable String title() {
    return title;
  }

  /** The HTTP status the server wrote in the problem (usually the answer's); or null. */
  public @Nullable Integer status() {
    return status;
  }

  /** What went wrong this time, for a person to read; or null. */
  public @Nullable String detail() {
    return detail;
  }

  /** A URI reference that names this occurrence of the problem; or null. */
  public @Nullable String instance() {
    return instance;
  }

  /** The server's trace id (ASP.NET Core's {@code traceId}): quote it to support; or null. */
  public @Nullable String traceId() {
    return traceId;
  }

  /**
   * Each field's validation messages, in the server's order ({@code ValidationProblemDetails}'s
   * {@code errors}); empty when there are none. Unmodifiable.
   */
  public Map<String, List<String>> errors() {
    return errors;
  }

  /**
   * The other members of the problem, in the server's order, as JSON values: {@code String}, {@code
   * Double} (every JSON number), {@code Boolean}, {@code null}, and unmodifiable {@code List} and
   * {@code Map<String, Object>} of them. A standard member of an unexpected JSON type (a {@code
   * status} that is not a whole number, {@code errors} that is not a map of messages) is kept here.
   * Unmodifiable.
   */
  public Map<String, @Nullable Object> extensions() {
    return extensions;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof Problem)) {
      return false;
    }
    Problem that = (Problem) other;
    return Objects.equals(type, that.type)
        && Objects.equals(title, that.title)
        && Objects.equals(status, that.status)
        && Objects.equals(detail, that.detail)
        && Objects.equals(instance, that.instance)
        && Objects.equals(traceId, that.traceId)
        && errors.equals(that.errors)
        && extensions.equals(that.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, title, status, detail, instance, traceId, errors, extensions);
  }

  @Override
  public String toString() {
    return "Problem{type="
        + type
        + ", title="
        + title
        + ", status="
        + status
        + ", detail="
        + detail
        + ", instance="
        + instance
        + ", traceId="
        + traceId
        + ", errors="
        + errors
        + ", extensions="
        + extensions
        + "}";
  }
}
