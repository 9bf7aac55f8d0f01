package com.onestepai.osai.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the generated method Javadoc says, computed from each operation where Mustache cannot:
 *
 * <ul>
 *   <li>{@code x-osai-doc}: the description's paragraphs (a blank line separates two), each on one
 *       line; api.mustache starts each with {@code <p>}. The generator's own {@code notes} run them
 *       together. A spec's {@code x-osai-provenance} (where a description's facts come from) is
 *       never read: it stays out of Javadoc.
 *   <li>{@code x-osai-returns}: what the method returns, from the description of the success answer
 *       the generator takes the return type from (the lowest 2xx), unless that says no more than
 *       its status ({@code Success}, {@code OK}).
 *   <li>{@code x-osai-throws}: one entry per typed exception of the documented error statuses, in
 *       the mapping of {@code com.onestepai.osai.internal.Errors}: {@code exception} (its class)
 *       and {@code when} (the statuses and their descriptions). api.mustache lists them through
 *       osaiThrowsDoc.mustache, before the base classes.
 * </ul>
 *
 * Blank descriptions of parameters and request bodies are removed, so that the template's own
 * sentence replaces an empty {@code @param}. Run by {@link GeneratorSpec#forGenerator}.
 */
public final class JavadocSpec {
  private static final String PACKAGE = "com.onestepai.osai.";

  private JavadocSpec() {}

  /** Sets the extensions on every operation of {@code spec}; true if anything changed. */
  public static boolean apply(ObjectNode spec) {
    boolean changed = false;
    JsonNode paths = spec.get("paths");
    if (paths != null) {
      for (JsonNode item : paths) {
        if (!item.isObject()) {
          continue;
        }
        changed |= blankDescriptions(item.get("parameters"));
        for (String method : OperationNames.METHODS) {
          JsonNode op = item.get(method);
          if (op != null && op.isObject()) {
            changed |= operation(spec, (ObjectNode) op);
          }
        }
      }
    }
    JsonNode components = spec.path("components");
    changed |= blankDescriptions(components.get("parameters"));
    changed |= blankDescriptions(components.get("requestBodies"));
    return changed;
  }

  private static boolean operation(ObjectNode spec, ObjectNode op) {
    boolean changed = blankDescriptions(op.get("parameters"));
    JsonNode body = op.get("requestBody");
    if (body != null && body.isObject()) {
      changed |= blankDescription((ObjectNode) body);
    }
    List<String> paragraphs = paragraphs(op.path("description").asText(""));
    if (!paragraphs.isEmpty()) {
      ArrayNode doc = op.putArray("x-osai-doc");
      paragraphs.forEach(doc::add);
      changed = true;
    }
    JsonNode responses = op.get("responses");
    if (responses == null || !responses.isObject()) {
      return changed;
    }
    TreeSet<String> codes = new TreeSet<>();
    responses.fieldNames().forEachRemaining(codes::add);
    String success = null;
    for (String code : codes) {
      if (code.startsWith("2")) {
        success = code;
        break;
      }
    }
    if (success != null) {
      String returns = sentence(description(spec, responses.get(success)), success);
      if (returns != null) {
        op.put("x-osai-returns", returnPhrase(returns));
        changed = true;
      }
    }
    Map<String, List<String>> byException = new LinkedHashMap<>();
    for (String code : codes) {
      String exception = exception(code);
      if (exception == null) {
        continue;
      }
      String text = sentence(description(spec, responses.get(code)), code);
      String status = code.toUpperCase(Locale.ROOT);
      byException
          .computeIfAbsent(exception, e -> new ArrayList<>())
          .add(text == null ? status : status + ": " + text);
    }
    if (!byException.isEmpty()) {
      ArrayNode list = op.putArray("x-osai-throws");
      for (Map.Entry<String, List<String>> e : byException.entrySet()) {
        List<String> statuses = e.getValue();
        boolean bare = statuses.stream().noneMatch(s -> s.contains(":"));
        String when =
            bare
                ? "if the server answers " + String.join(" or ", statuses)
                : "if the server answers "
                    + String.join(
                        " ",
                        statuses.stream()
                            .map(s -> s.contains(":") ? s : s + ".")
                            .toArray(String[]::new));
        list.addObject().put("exception", e.getKey()).put("when", when);
      }
      changed = true;
    }
    return changed;
  }

  /**
   * The typed exception {@code Errors.forStatus} throws for a documented status, or null where the
   * base classes say it all (a range such as {@code 4XX}, {@code default}, a success).
   */
  static String exception(String code) {
    String c = code.toUpperCase(Locale.ROOT);
    if (c.equals("5XX")) {
      return PACKAGE + "InternalServerException";
    }
    if (!c.matches("[1-5][0-9][0-9]")) {
      return null;
    }
    int status = Integer.parseInt(c);
    switch (status) {
      case 400:
        return PACKAGE + "BadRequestException";
      case 401:
        return PACKAGE + "UnauthorizedException";
      case 403:
        return PACKAGE + "PermissionDeniedException";
      case 404:
        return PACKAGE + "NotFoundException";
      case 409:
        return PACKAGE + "ConflictException";
      case 422:
        return PACKAGE + "UnprocessableEntityException";
      case 429:
        return PACKAGE + "RateLimitException";
      default:
        if (status >= 500) {
          return PACKAGE + "InternalServerException";
        }
        return status >= 300 ? PACKAGE + "UnexpectedStatusCodeException" : null;
    }
  }

  /** A response's description, its {@code $ref} to components/responses followed. */
  private static String description(JsonNode spec, JsonNode response) {
    for (int hops = 0; response != null && response.has("$ref") && hops < 8; hops++) {
      String ref = response.get("$ref").asText();
      String prefix = "#/components/responses/";
      response =
          ref.startsWith(prefix)
              ? spec.path("components").path("responses").get(ref.substring(prefix.length()))
              : null;
    }
    return response == null ? "" : response.path("description").asText("");
  }

  /**
   * The description as one line, or null when it is blank or says no more than the status: what
   * Swashbuckle and NSwag write ({@code Success}, {@code OK}, {@code Not Found}, {@code Bad
   * Request}).
   */
  static String sentence(String description, String code) {
    String text = String.join(" ", paragraphs(description));
    String bare = text.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    if (bare.isEmpty()
        || bare.equals("success")
        || bare.equals("ok")
        || bare.equals("error")
        || bare.equals(reason(code))) {
      return null;
    }
    return text;
  }

  /** The reason phrase of a status, lower case without spaces; empty for one not listed. */
  private static String reason(String code) {
    switch (code) {
      case "200":
        return "ok";
      case "201":
        return "created";
      case "202":
        return "accepted";
      case "204":
        return "nocontent";
      case "400":
        return "badrequest";
      case "401":
        return "unauthorized";
      case "403":
        return "forbidden";
      case "404":
        return "notfound";
      case "409":
        return "conflict";
      case "422":
        return "unprocessableentity";
      case "429":
        return "toomanyrequests";
      case "500":
        return "internalservererror";
      case "502":
        return "badgateway";
      case "503":
        return "serviceunavailable";
      default:
        return "";
    }
  }

  /**
   * "The dataset created." as {@code @return} reads it, and as "a future that completes with ..."
   * goes on: "the dataset created".
   */
  static String returnPhrase(String text) {
    String phrase = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (phrase.matches("(The|A|An) .*")) {
      return Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
    }
    return phrase;
  }

  /**
   * The paragraphs of a description, each on one line: a blank line ends one, and the lines of one
   * are joined with a space. Markdown headings ({@code ## Title}) lose their marks.
   */
  static List<String> paragraphs(String description) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : (description + "\n").split("\r?\n", -1)) {
      String text = line.trim();
      if (text.isEmpty()) {
        if (current.length() > 0) {
          paragraphs.add(current.toString());
          current.setLength(0);
        }
        continue;
      }
      text = text.replaceFirst("^#{1,6}\\s+", "").replaceAll("\\s+", " ");
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(text);
    }
    return paragraphs;
  }

  private static boolean blankDescriptions(JsonNode list) {
    boolean changed = false;
    if (list != null) {
      for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
        JsonNode node = it.next();
        if (node.isObject()) {
          changed |= blankDescription((ObjectNode) node);
        }
      }
    }
    return changed;
  }

  private static boolean blankDescription(ObjectNode node) {
    JsonNode description = node.get("description");
    if (description != null && description.asText("").trim().isEmpty()) {
      node.remove("description");
      return true;
    }
    return false;
  }
}
