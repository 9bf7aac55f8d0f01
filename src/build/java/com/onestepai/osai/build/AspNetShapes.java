package com.onestepai.osai.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Two shapes every Swashbuckle document has, as the generator should read them (README, "OpenAPI
 * shapes"):
 *
 * <ul>
 *   <li><b>Request bodies are required.</b> Swashbuckle never marks a body required, and a body not
 *       required would give the method a form without it. An ASP.NET action refuses a missing body
 *       of a non-nullable {@code [FromBody]} parameter (400), and Retrofit cannot send a {@code
 *       null} {@code @Body}: that form could only fail. So the body is a parameter of every form.
 *   <li><b>One JSON media type.</b> Swashbuckle offers one JSON body as {@code application/json},
 *       {@code text/json} and {@code application/*+json}, and one answer as {@code text/plain},
 *       {@code application/json} and {@code text/json}. Where {@code application/json} is offered,
 *       the others with the same schema are dropped: the SDK sends and reads {@code
 *       application/json}, which ASP.NET reads and writes by default.
 * </ul>
 */
public final class AspNetShapes {
  static final List<String> ALIASES =
      Arrays.asList("text/json", "application/*+json", "text/plain");

  private AspNetShapes() {}

  /** Applies both to every operation of the spec; true if anything changed. */
  public static boolean apply(ObjectNode spec) {
    boolean changed = false;
    JsonNode paths = spec.get("paths");
    if (paths == null) {
      return false;
    }
    for (JsonNode item : paths) {
      for (String method : OperationNames.METHODS) {
        JsonNode op = item.get(method);
        if (op == null || !op.isObject()) {
          continue;
        }
        JsonNode body = op.get("requestBody");
        if (body != null && body.isObject() && !body.has("$ref")) {
          if (!body.path("required").asBoolean(false)) {
            ((ObjectNode) body).put("required", true);
            changed = true;
          }
          changed |= oneJsonMediaType(body.get("content"));
        }
        JsonNode responses = op.get("responses");
        if (responses != null) {
          for (JsonNode response : responses) {
            changed |= oneJsonMediaType(response.get("content"));
          }
        }
      }
    }
    return changed;
  }

  private static boolean oneJsonMediaType(JsonNode content) {
    if (content == null || !content.isObject() || !content.has("application/json")) {
      return false;
    }
    JsonNode schema = content.get("application/json").get("schema");
    List<String> dropped = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> media = it.next();
      if (ALIASES.contains(media.getKey())
          && schema != null
          && schema.equals(media.getValue().get("schema"))) {
        dropped.add(media.getKey());
      }
    }
    ((ObjectNode) content).remove(dropped);
    return !dropped.isEmpty();
  }
}
