package com.onestepai.osai.internal;

import com.onestepai.osai.Problem;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Reads an error answer's body as an RFC 7807 problem, with every text redacted and bounded. Never
 * throws: a body that is not a problem, or not whole JSON, gives null.
 */
final class Problems {
  private Problems() {}

  /**
   * The problem in {@code body}, or null. A JSON object is a problem when {@code contentType} is
   * {@code application/problem+json}, or when it is another JSON type ({@code application/json},
   * {@code +json}) and the object has a string {@code title} or a whole-number {@code status}.
   *
   * @param body the bounded, not yet redacted, start of the body: cut JSON gives null
   */
  static @Nullable Problem parse(
      String body, @Nullable MediaType contentType, Redactor redactor, int maxChars) {
    if (contentType == null) {
      return null;
    }
    String subtype = contentType.subtype().toLowerCase(Locale.ROOT);
    boolean problemJson = subtype.equals("problem+json");
    if (!problemJson && !subtype.equals("json") && !subtype.endsWith("+json")) {
      return null;
    }
    Map<?, ?> members;
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return null;
      }
      members = (Map<?, ?>) reader.readJsonValue();
      if (members == null || reader.peek() != JsonReader.Token.END_DOCUMENT) {
        return null;
      }
    } catch (IOException | RuntimeException malformed) {
      return null; // not JSON, cut short, duplicate names, nested too deep
    }
    Object title = members.get("title");
    Integer status = wholeNumber(members.get("status"));
    if (!problemJson && !(title instanceof String) && status == null) {
      return null;
    }
    String type = null;
    String titleText = null;
    String detail = null;
    String instance = null;
    String traceId = null;
    Map<String, List<String>> errors = null;
    Map<String, @Nullable Object> extensions = new LinkedHashMap<>();
    for (Map.Entry<?, ?> member : members.entrySet()) {
      String name = (String) member.getKey();
      Object value = member.getValue();
      String text =
          value instanceof String ? redactor.redactAndCut((String) value, maxChars) : null;
      if (name.equals("type") && text != null) {
        type = text;
      } else if (name.equals("title") && text != null) {
        titleText = text;
      } else if (name.equals("status") && status != null) {
        // read above
      } else if (name.equals("detail") && text != null) {
        detail = text;
      } else if (name.equals("instance") && text != null) {
        instance = text;
      } else if (name.equals("traceId") && text != null) {
        traceId = text;
      } else if (name.equals("errors") && isFieldErrors(value)) {
        errors = errors((Map<?, ?>) value, redactor, maxChars);
      } else {
        extensions.put(redactor.redact(name), jsonValue(value, redactor, maxChars));
      }
    }
    return new Problem(type, titleText, status, detail, instance, traceId, errors, extensions);
  }

  private static @Nullable Integer wholeNumber(@Nullable Object value) {
    if (value instanceof Double) {
      double number = (Double) value;
      if (number == Math.rint(number)
          && number >= Integer.MIN_VALUE
          && number <= Integer.MAX_VALUE) {
        return (int) number;
      }
    }
    return null;
  }

  /**
   * Whether {@code value} is ASP.NET's validation errors: an object of field name to a list of
   * messages, or to a lone message.
   */
  private static boolean isFieldErrors(@Nullable Object value) {
    if (!(value instanceof Map)) {
      return false;
    }
    for (Object messages : ((Map<?, ?>) value).values()) {
      if (messages instanceof List) {
        for (Object message : (List<?>) messages) {
          if (!(message instanceof String)) {
            return false;
          }
        }
      } else if (!(messages instanceof String)) {
        return false;
      }
    }
    return true;
  }

  /** Validation errors that {@link #isFieldErrors} accepts, redacted (a lone message: a list). */
  private static Map<String, List<String>> errors(
      Map<?, ?> value, Redactor redactor, int maxChars) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (Map.Entry<?, ?> field : value.entrySet()) {
      List<String> list = new ArrayList<>();
      Object messages = field.getValue();
      for (Object message :
          messages instanceof List ? (List<?>) messages : Arrays.asList(messages)) {
        list.add(redactor.redactAndCut((String) message, maxChars));
      }
      errors.put(redactor.redact((String) field.getKey()), list);
    }
    return errors;
  }

  /** {@code value} (a JSON value of Moshi's) with every string, and every name, redacted. */
  private static @Nullable Object jsonValue(
      @Nullable Object value, Redactor redactor, int maxChars) {
    if (value instanceof String) {
      return redactor.redactAndCut((String) value, maxChars);
    }
    if (value instanceof Map) {
      Map<String, @Nullable Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        copy.put(
            redactor.redact((String) entry.getKey()),
            jsonValue(entry.getValue(), redactor, maxChars));
      }
      return copy;
    }
    if (value instanceof List) {
      List<@Nullable Object> copy = new ArrayList<>();
      for (Object element : (List<?>) value) {
        copy.add(jsonValue(element, redactor, maxChars));
      }
      return copy;
    }
    return value; // Double, Boolean or null
  }

  /**
   * What an exception message says of a problem: its title, its detail and each field's first
   * error, on one line; empty when it has none of them.
   */
  static String summary(Problem problem) {
    StringBuilder out = new StringBuilder();
    if (problem.title() != null) {
      out.append(problem.title());
    }
    if (problem.detail() != null && !problem.detail().equals(problem.title())) {
      out.append(out.length() == 0 ? "" : ": ").append(problem.detail());
    }
    String separator = out.length() == 0 ? "" : " (";
    for (Map.Entry<String, List<String>> field : problem.errors().entrySet()) {
      out.append(separator).append(field.getKey());
      if (!field.getValue().isEmpty()) {
        out.append(": ").append(field.getValue().get(0));
      }
      separator = "; ";
      if (out.length() > Errors.BODY_LIMIT) {
        break; // cut later: no need to build more
      }
    }
    if (!problem.errors().isEmpty() && (problem.title() != null || problem.detail() != null)) {
      out.append(')');
    }
    return out.toString();
  }
}
