package com.onestepai.osai.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The names the generator gives operations and their interfaces, for a spec that does not name them
 * all: what Swashbuckle and Microsoft.AspNetCore.OpenApi emit by default (no {@code operationId}),
 * and what a minimal API emits (no {@code tags}). The rules, documented in the README ("Growing the
 * API"):
 *
 * <ul>
 *   <li>A declared {@code operationId} is kept as written.
 *   <li>Otherwise the name comes from the method and path, as an ASP.NET controller reads them.
 *       Leading {@code api} and version segments ({@code v1}, {@code v2.0}, {@code v{version}},
 *       {@code {api-version}}) are dropped. A last literal segment that starts with a verb is the
 *       action: {@code POST /Datasets/{id}/StartUploading} is {@code startUploading}. Otherwise the
 *       last literal segment is the resource, named by the method: {@code GET /Datasets} is {@code
 *       getDatasets}, {@code GET /Datasets/{id}} {@code getDataset}, {@code POST /Datasets} {@code
 *       createDataset}, {@code PUT} {@code updateDataset}, {@code PATCH} {@code patchDataset},
 *       {@code DELETE} {@code deleteDataset}. A path with no literal segment is the resource {@code
 *       Root}.
 *   <li>Collisions, in document order: when derived names collide with each other or with a
 *       declared one, each derived one in the collision takes its longer form, named after the
 *       literal segments before the resource ({@code GET /Datasets/{id}/Images} becomes {@code
 *       getDatasetImages} beside {@code GET /Images}); then that form plus its path parameters
 *       ({@code getDatasetImagesById}); then the first keeps it and the others get a number, 2, 3,
 *       ... in the order of their paths (then methods), whatever the document's order. A declared
 *       name never changes.
 *   <li>An operation without tags is in the tag {@value #DEFAULT_TAG} (interface {@code
 *       GeneralApi}, accessor {@code general()}). A tag ending in {@code Api} loses it ({@code
 *       WeatherApi} is the interface {@code WeatherApi}, not {@code WeatherApiApi}).
 * </ul>
 *
 * <p>The names depend only on the operations' methods, paths and declared names, never on the
 * document's formatting. GeneratorSpec writes them into the spec the generator reads; the
 * compatibility gate compares them like declared ones, so a derived name that would change is a
 * break.
 */
public final class OperationNames {
  /** The tag of operations that have none. */
  public static final String DEFAULT_TAG = "General";

  static final List<String> METHODS =
      Arrays.asList("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /**
   * First words that make a last path segment an action, not a resource ({@code StartUploading},
   * {@code SignIn}, {@code Export}).
   */
  static final Set<String> VERBS =
      new HashSet<>(
          Arrays.asList(
              "accept",
              "activate",
              "add",
              "approve",
              "archive",
              "assign",
              "authenticate",
              "authorize",
              "calculate",
              "cancel",
              "change",
              "check",
              "clear",
              "clone",
              "close",
              "complete",
              "compute",
              "confirm",
              "connect",
              "convert",
              "copy",
              "count",
              "create",
              "deactivate",
              "decline",
              "delete",
              "detect",
              "disable",
              "disconnect",
              "download",
              "duplicate",
              "enable",
              "end",
              "estimate",
              "evaluate",
              "execute",
              "export",
              "fetch",
              "find",
              "finish",
              "generate",
              "get",
              "import",
              "invite",
              "invoke",
              "join",
              "leave",
              "list",
              "lock",
              "login",
              "logout",
              "mark",
              "merge",
              "move",
              "open",
              "pause",
              "predict",
              "process",
              "publish",
              "purge",
              "query",
              "refresh",
              "register",
              "reject",
              "release",
              "reload",
              "remove",
              "rename",
              "reorder",
              "replace",
              "request",
              "reset",
              "resend",
              "restart",
              "restore",
              "resume",
              "retry",
              "revoke",
              "rotate",
              "run",
              "save",
              "search",
              "send",
              "set",
              "share",
              "sign",
              "start",
              "stop",
              "submit",
              "subscribe",
              "suspend",
              "sync",
              "test",
              "toggle",
              "train",
              "transfer",
              "trigger",
              "unarchive",
              "unassign",
              "unlock",
              "unpublish",
              "unsubscribe",
              "update",
              "upload",
              "upsert",
              "validate",
              "verify"));

  /** Java keywords and literals: a derived name never is one (the generator would rename it). */
  static final Set<String> JAVA_RESERVED =
      new HashSet<>(
          Arrays.asList(
              "abstract",
              "assert",
              "boolean",
              "break",
              "byte",
              "case",
              "catch",
              "char",
              "class",
              "const",
              "continue",
              "default",
              "do",
              "double",
              "else",
              "enum",
              "extends",
              "false",
              "final",
              "finally",
              "float",
              "for",
              "goto",
              "if",
              "implements",
              "import",
              "instanceof",
              "int",
              "interface",
              "long",
              "native",
              "new",
              "null",
              "package",
              "private",
              "protected",
              "public",
              "return",
              "short",
              "static",
              "strictfp",
              "super",
              "switch",
              "synchronized",
              "this",
              "throw",
              "throws",
              "transient",
              "true",
              "try",
              "void",
              "volatile",
              "while"));

  private static final Pattern VERSION =
      Pattern.compile("(?i)v\\d+(\\.\\d+)*|v\\{[^}]*}|\\{(api-?)?version}");

  private OperationNames() {}

  /** One operation, as the naming sees it. */
  public static final class Operation {
    final String method;
    final String path;
    final String declared;

    /**
     * @param method the HTTP method, any case
     * @param declared the declared operationId, or null (an empty one counts as none)
     */
    public Operation(String method, String path, String declared) {
      this.method = method.toLowerCase(Locale.ROOT);
      this.path = path;
      this.declared = declared == null || declared.trim().isEmpty() ? null : declared;
    }

    /** {@code "GET /Datasets/{id}"}. */
    public String key() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  /** The name of every operation, by {@link Operation#key()}, in the order given. */
  public static Map<String, String> names(List<Operation> given) {
    // Numbered in path order, then method order: the same names whatever the document's order.
    List<Operation> operations = new ArrayList<>(given);
    operations.sort(
        java.util.Comparator.comparing((Operation op) -> op.path)
            .thenComparingInt(op -> METHODS.indexOf(op.method)));
    Set<String> declared = new HashSet<>();
    for (Operation op : operations) {
      if (op.declared != null) {
        declared.add(op.declared);
      }
    }
    List<Operation> derived = new ArrayList<>();
    for (Operation op : operations) {
      if (op.declared == null) {
        derived.add(op);
      }
    }
    // Each derived operation's level: 0 base, 1 qualified, 2 with its parameters, 3 numbered.
    int[] level = new int[derived.size()];
    String[] name = new String[derived.size()];
    for (boolean moved = true; moved; ) {
      moved = false;
      Map<String, List<Integer>> byName = new LinkedHashMap<>();
      for (int i = 0; i < derived.size(); i++) {
        name[i] = candidate(derived.get(i), Math.min(level[i], 2));
        byName.computeIfAbsent(name[i], k -> new ArrayList<>()).add(i);
      }
      for (Map.Entry<String, List<Integer>> entry : byName.entrySet()) {
        List<Integer> same = entry.getValue();
        if (same.size() > 1 || declared.contains(entry.getKey())) {
          for (int i : same) {
            if (level[i] < 2) {
              level[i]++;
              moved = true;
            }
          }
        }
      }
    }
    // Still the same at the longest form: the first in path order keeps it, the others are
    // numbered 2, 3, ... past any name in use.
    Set<String> taken = new HashSet<>(declared);
    Map<String, Integer> seen = new TreeMap<>();
    for (int i = 0; i < derived.size(); i++) {
      seen.merge(name[i], 1, Integer::sum);
    }
    Map<String, Integer> next = new TreeMap<>();
    for (int i = 0; i < derived.size(); i++) {
      boolean first = !declared.contains(name[i]) && !next.containsKey(name[i]);
      if (first) {
        next.put(name[i], 1);
      } else {
        int n = next.getOrDefault(name[i], 1);
        String numbered;
        do {
          n++;
          numbered = name[i] + n;
        } while (taken.contains(numbered) || seen.containsKey(numbered));
        next.put(name[i], n);
        name[i] = numbered;
      }
      taken.add(name[i]);
    }
    Map<String, String> byKey = new HashMap<>();
    int d = 0;
    for (Operation op : operations) {
      byKey.put(op.key(), op.declared != null ? op.declared : name[d++]);
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (Operation op : given) {
      names.put(op.key(), byKey.get(op.key()));
    }
    return names;
  }

  /** The name at a level of detail: 0 base, 1 with the parent segments, 2 with the parameters. */
  static String candidate(Operation op, int level) {
    List<String> segments = new ArrayList<>();
    for (String s : op.path.split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    while (!segments.isEmpty()
        && (segments.get(0).equalsIgnoreCase("api")
            || VERSION.matcher(segments.get(0)).matches())) {
      segments.remove(0);
    }
    List<String> literals = new ArrayList<>();
    List<String> parameters = new ArrayList<>();
    for (String s : segments) {
      if (s.startsWith("{") && s.endsWith("}")) {
        parameters.add(s.substring(1, s.length() - 1));
      } else {
        literals.add(s);
      }
    }
    boolean item = !segments.isEmpty() && isParameter(segments.get(segments.size() - 1));
    String resource = literals.isEmpty() ? "Root" : pascal(literals.get(literals.size() - 1));
    List<String> parents =
        literals.isEmpty() ? Collections.emptyList() : literals.subList(0, literals.size() - 1);
    StringBuilder qualifier = new StringBuilder();
    if (level >= 1) {
      for (String parent : parents) {
        qualifier.append(singular(pascal(parent)));
      }
    }
    String base;
    List<String> words = words(resource);
    boolean action =
        !item && !literals.isEmpty() && VERBS.contains(words.get(0).toLowerCase(Locale.ROOT));
    if (action) {
      base = lowerFirst(resource) + qualifier;
    } else {
      String noun = item || op.method.equals("post") ? singular(resource) : resource;
      base = verb(op.method, item) + qualifier + noun;
    }
    if (level >= 2 && !parameters.isEmpty()) {
      StringBuilder by = new StringBuilder("By");
      for (int i = 0; i < parameters.size(); i++) {
        by.append(i == 0 ? "" : "And").append(pascal(parameters.get(i)));
      }
      base += by;
    }
    return JAVA_RESERVED.contains(base) ? op.method + pascal(base) : base;
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static String verb(String method, boolean item) {
    switch (method) {
      case "post":
        return item ? "post" : "create";
      case "put":
        return "update";
      default:
        return method;
    }
  }

  /** {@code system-status}, {@code system_status}, {@code systemStatus} to {@code SystemStatus}. */
  static String pascal(String text) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
        continue;
      }
      if (out.length() == 0 && Character.isDigit(c)) {
        out.append('_');
      }
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    return out.length() == 0 ? "Root" : out.toString();
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /** {@code StartUploading} to {@code [Start, Uploading]}. */
  private static List<String> words(String pascal) {
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= pascal.length(); i++) {
      if (i == pascal.length()
          || (Character.isUpperCase(pascal.charAt(i))
              && !Character.isUpperCase(pascal.charAt(i - 1)))) {
        words.add(pascal.substring(start, i));
        start = i;
      }
    }
    return words;
  }

  /** English plural to singular, for the common forms: Categories, Boxes, Datasets, Status. */
  static String singular(String noun) {
    String lower = noun.toLowerCase(Locale.ROOT);
    if (lower.endsWith("ies") && noun.length() > 3) {
      return noun.substring(0, noun.length() - 3) + "y";
    }
    if (lower.endsWith("sses")
        || lower.endsWith("xes")
        || lower.endsWith("ches")
        || lower.endsWith("shes")) {
      return noun.substring(0, noun.length() - 2);
    }
    if (lower.endsWith("s")
        && !lower.endsWith("ss")
        && !lower.endsWith("us")
        && !lower.endsWith("is")
        && noun.length() > 1) {
      return noun.substring(0, noun.length() - 1);
    }
    return noun;
  }

  /** The tag of an operation: its first, without a trailing {@code Api}; or the default. */
  public static String tag(List<String> tags) {
    if (tags == null || tags.isEmpty() || tags.get(0) == null || tags.get(0).trim().isEmpty()) {
      return DEFAULT_TAG;
    }
    return interfaceTag(tags.get(0));
  }

  /** {@code WeatherApi} to {@code Weather} (the generator appends {@code Api}). */
  static String interfaceTag(String tag) {
    return tag.length() > 3 && tag.endsWith("Api") ? tag.substring(0, tag.length() - 3) : tag;
  }

  /** The operations of a spec read as a tree, in document order. */
  public static List<Operation> operations(JsonNode spec) {
    List<Operation> operations = new ArrayList<>();
    JsonNode paths = spec.get("paths");
    if (paths == null) {
      return operations;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op != null && op.isObject()) {
          JsonNode id = op.get("operationId");
          operations.add(
              new Operation(method, path.getKey(), id == null || id.isNull() ? null : id.asText()));
        }
      }
    }
    return operations;
  }

  /**
   * Writes every derived operationId and tag into the spec; true if anything changed. A tag renamed
   * here ({@code WeatherApi} to {@code Weather}) is renamed in the document's tag list too, and the
   * default tag is added to it when used.
   */
  public static boolean apply(ObjectNode spec) {
    Map<String, String> names = names(operations(spec));
    boolean changed = false;
    boolean defaultTagUsed = false;
    JsonNode paths = spec.get("paths");
    if (paths == null) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (String method : METHODS) {
        JsonNode node = path.getValue().get(method);
        if (node == null || !node.isObject()) {
          continue;
        }
        ObjectNode op = (ObjectNode) node;
        String name = names.get(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        if (!op.has("operationId") || !name.equals(op.get("operationId").asText())) {
          op.put("operationId", name);
          changed = true;
        }
        List<String> tags = new ArrayList<>();
        if (op.get("tags") != null) {
          op.get("tags").forEach(t -> tags.add(t.asText()));
        }
        String tag = tag(tags);
        defaultTagUsed |= tag.equals(DEFAULT_TAG) && (tags.isEmpty() || tags.get(0).isEmpty());
        if (tags.isEmpty() || !tags.get(0).equals(tag)) {
          ArrayNode newTags = op.putArray("tags");
          newTags.add(tag);
          for (int i = 1; i < tags.size(); i++) {
            newTags.add(tags.get(i));
          }
          changed = true;
        }
      }
    }
    JsonNode tagList = spec.get("tags");
    if (tagList != null && tagList.isArray()) {
      for (JsonNode t : tagList) {
        if (t.isObject() && t.has("name")) {
          String renamed = interfaceTag(t.get("name").asText());
          if (!renamed.equals(t.get("name").asText())) {
            ((ObjectNode) t).put("name", renamed);
            changed = true;
          }
        }
      }
    }
    if (defaultTagUsed) {
      boolean listed = false;
      if (tagList != null && tagList.isArray()) {
        for (JsonNode t : tagList) {
          listed |= DEFAULT_TAG.equals(t.path("name").asText());
        }
      }
      if (!listed) {
        spec.withArray("tags")
            .addObject()
            .put("name", DEFAULT_TAG)
            .put("description", "Operations the API description gives no tag.");
      }
    }
    return changed;
  }
}
