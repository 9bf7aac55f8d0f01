package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DynamicTest;

/**
 * Contract tests derived from an API description, with no per-operation code: for every operation
 * in the spec it finds the generated blocking and async methods by operationId, and their {@code
 * WithResponse} forms, reaches them through the generated per-tag accessor, calls each against
 * Prism with arguments taken from the spec's examples, and checks the answer (the body of a {@code
 * WithResponse} form, which must have a documented 2xx status) equals the spec's example and that
 * Prism saw nothing that breaks the spec. For every documented error status it makes Prism answer
 * that status ({@code Prefer: code=N}) and checks the typed exception, in every form. A last test
 * fails if any operation was not exercised.
 */
final class SpecContract implements AutoCloseable {
  /** The client's Moshi: arguments and results of the spec's string formats are read alike. */
  private static final Moshi MOSHI = com.onestepai.osai.internal.TestMoshi.moshi();

  private final OpenAPI openApi;
  private final String apiPackage;
  private final Class<?> accessors;
  private final Object accessorsInstance;
  private final OsaiClient client;
  private final OkHttpClient shared;

  /** The status Prism should answer for requests to this path pattern, or null. */
  private final AtomicReference<Map.Entry<Pattern, Integer>> preferred = new AtomicReference<>();

  /** The Authorization header of the last request sent. */
  private final AtomicReference<String> authorization = new AtomicReference<>();

  private final PrismServer prism;
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> exchanges = new CopyOnWriteArrayList<>();
  private final Set<String> exercised = new LinkedHashSet<>();

  /**
   * The JSON body of the last 2xx answer: what Prism made from the schema when there is no example.
   */
  private final AtomicReference<String> answered = new AtomicReference<>();

  /**
   * @param accessors the generated {@code OsaiApis} interface for {@code apiPackage}
   * @param accessorsOf makes an implementation of {@code accessors} from the client
   */
  SpecContract(
      Path spec,
      String apiPackage,
      Class<?> accessors,
      java.util.function.Function<OsaiClient, Object> accessorsOf,
      PrismServer prism) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readLocation(spec.toString(), null, options);
    assertTrue(
        parsed.getMessages() == null || parsed.getMessages().isEmpty(),
        "spec: " + parsed.getMessages());
    this.openApi = parsed.getOpenAPI();
    this.apiPackage = apiPackage;
    this.accessors = accessors;
    this.prism = prism;
    this.shared =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  Request request = chain.request();
                  Map.Entry<Pattern, Integer> prefer = preferred.get();
                  if (prefer != null
                      && prefer.getKey().matcher(request.url().encodedPath()).matches()) {
                    request =
                        request.newBuilder().header("Prefer", "code=" + prefer.getValue()).build();
                  }
                  authorization.set(request.header("Authorization"));
                  Response response = chain.proceed(request);
                  okhttp3.MediaType type =
                      response.body() == null ? null : response.body().contentType();
                  if (response.isSuccessful()
                      && type != null
                      && type.subtype().toLowerCase(Locale.ROOT).contains("json")) {
                    answered.set(response.peekBody(Long.MAX_VALUE).string());
                  }
                  exchanges.add(
                      request.method()
                          + " "
                          + request.url().encodedPath()
                          + " -> "
                          + response.code()
                          + (request.header("Authorization") != null ? " (with JWT)" : ""));
                  String violation = response.header("sl-violations");
                  if (violation != null) {
                    violations.add(
                        request.method() + " " + request.url().encodedPath() + ": " + violation);
                  }
                  return response;
                })
            .build();
    // No retries: a forced 5xx is answered at once, and each call is one exchange.
    this.client =
        OsaiClient.builder()
            .accessToken("contract-test-access-token")
            .baseUrl(prism.url().toString())
            .okHttpClient(shared)
            .maxRetries(0)
            .build();
    this.accessorsInstance = accessorsOf.apply(client);
  }

  /** One test per operation, one per documented error, and the coverage check last. */
  List<DynamicTest> tests() {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "control: a request that breaks the spec is reported", this::controlIsCaught));
    Set<String> operationIds = new LinkedHashSet<>();
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          String name =
                              method + " " + path + " (" + operation.getOperationId() + ")";
                          operationIds.add(operation.getOperationId());
                          if (isInternal(operation)) {
                            internalTests(tests, name, path, operation);
                            return;
                          }
                          tests.add(
                              DynamicTest.dynamicTest(
                                  name + " answers its example, in both forms",
                                  () -> callSucceeds(path, method, operation)));
                          operation
                              .getResponses()
                              .forEach(
                                  (code, response) -> {
                                    // Not where Prism refuses the request itself: see
                                    // prismRefusesOnlyTheArrayParts.
                                    if (code.matches("[45]\\d\\d")
                                        && multipartArrayFields(operation).isEmpty()) {
                                      tests.add(
                                          DynamicTest.dynamicTest(
                                              name
                                                  + " answering "
                                                  + code
                                                  + " throws its typed exception",
                                              () ->
                                                  callFailsWith(
                                                      path, operation, Integer.parseInt(code))));
                                    }
                                  });
                        }));
    tests.add(
        DynamicTest.dynamicTest(
            "every operation in the spec was exercised",
            () -> assertEquals(operationIds, exercised, "operations exercised")));
    return tests;
  }

  private void callSucceeds(String path, PathItem.HttpMethod httpMethod, Operation operation)
      throws Throwable {
    exchanges.clear();
    List<String> arrayParts = multipartArrayFields(operation);
    if (arrayParts.isEmpty()) {
      callSucceeds(path, httpMethod, operation, List.of());
    } else {
      prismRefusesOnlyTheArrayParts(operation, arrayParts);
    }
  }

  /**
   * Prism reads repeated multipart parts as the last one (stoplightio/prism#2654, open), so it
   * finds a multipart array field "not an array" and answers 422 however its success is asked for.
   * For such an operation the contract is that Prism finds nothing else wrong with the request, in
   * both forms: field names, the file part, required fields, the JWT. The wire tests prove the
   * repeated parts themselves.
   */
  private void prismRefusesOnlyTheArrayParts(Operation operation, List<String> arrayParts)
      throws Throwable {
    Object api = api(operation);
    for (String suffix : List.of("", "Async", "WithResponse", "WithResponseAsync")) {
      for (Method method : methods(api, operation.getOperationId() + suffix, operation)) {
        Object[] args = arguments(method, operation);
        Throwable thrown;
        try {
          Object result = invoke(api, method, args);
          thrown =
              result instanceof CompletableFuture
                  ? assertThrows(
                          ExecutionException.class,
                          () -> ((CompletableFuture<?>) result).get(30, TimeUnit.SECONDS))
                      .getCause()
                  : null;
        } catch (UnprocessableEntityException e) {
          thrown = e;
        }
        UnprocessableEntityException refused =
            assertInstanceOf(UnprocessableEntityException.class, thrown, method.toString());
        assertNotNull(refused.problem(), refused.getMessage());
        Object validation = refused.problem().extensions().get("validation");
        assertInstanceOf(List.class, validation, refused.problem().toString());
        for (Object entry : (List<?>) validation) {
          String message = String.valueOf(((Map<?, ?>) entry).get("message"));
          assertTrue(
              arrayParts.stream()
                  .anyMatch(f -> message.equals("Request body property " + f + " must be array")),
              method + ": Prism found more than the array parts wrong: " + validation);
        }
      }
    }
    exercised.add(operation.getOperationId());
  }

  private static List<String> multipartArrayFields(Operation operation) {
    List<String> fields = new ArrayList<>();
    if (operation.getRequestBody() == null
        || operation.getRequestBody().getContent().get("multipart/form-data") == null) {
      return fields;
    }
    io.swagger.v3.oas.models.media.Schema<?> schema =
        operation.getRequestBody().getContent().get("multipart/form-data").getSchema();
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach(
              (name, property) -> {
                // Prism does not read file parts as values: a file array passes.
                if ("array".equals(property.getType())
                    && !(property.getItems() != null
                        && "binary".equals(property.getItems().getFormat()))) {
                  fields.add(name);
                }
              });
    }
    return fields;
  }

  private void callSucceeds(
      String path, PathItem.HttpMethod httpMethod, Operation operation, List<String> arrayParts)
      throws Throwable {
    Object api = api(operation);
    List<Method> blockingForms = methods(api, operation.getOperationId(), operation);
    List<Method> asyncForms = methods(api, operation.getOperationId() + "Async", operation);
    List<Method> wholeForms = methods(api, operation.getOperationId() + "WithResponse", operation);
    List<Method> wholeAsyncForms =
        methods(api, operation.getOperationId() + "WithResponseAsync", operation);
    assertEquals(
        blockingForms.size(),
        asyncForms.size(),
        "as many async forms as blocking ones: " + blockingForms + " " + asyncForms);
    Object expected = successExample(operation);
    // The full form first (every parameter), then the overload without the optional ones.
    for (int form = 0; form < blockingForms.size(); form++) {
      Method blocking = blockingForms.get(form);
      Method async = asyncForms.get(form);
      for (Method other : List.of(async, wholeForms.get(form), wholeAsyncForms.get(form))) {
        assertEquals(
            List.of(blocking.getGenericParameterTypes()),
            List.of(other.getGenericParameterTypes()),
            other + " takes the blocking form's parameters");
      }
      Object[] args = arguments(blocking, operation);
      // Without an example Prism answers from the schema: the result must be what it sent.
      boolean fromSchema = expected == null && jsonSuccess(operation);
      String source = fromSchema ? "Prism's answer made from the schema" : "the spec's example";

      answered.set(null);
      Object result = invoke(api, blocking, args);
      Object sent = fromSchema ? sentJson() : expected;
      assertEquals(
          sent,
          comparable(result, blocking.getGenericReturnType(), operation),
          blocking + ": result vs " + source);
      answered.set(null);
      Object asyncResult =
          ((CompletableFuture<?>) invoke(api, async, args)).get(30, TimeUnit.SECONDS);
      sent = fromSchema ? sentJson() : expected;
      assertEquals(
          sent,
          comparable(asyncResult, blocking.getGenericReturnType(), operation),
          async + ": result vs " + source);
      for (Method whole : List.of(wholeForms.get(form), wholeAsyncForms.get(form))) {
        answered.set(null);
        Object answer = invoke(api, whole, args);
        OsaiResponse<?> response =
            (OsaiResponse<?>)
                (answer instanceof CompletableFuture
                    ? ((CompletableFuture<?>) answer).get(30, TimeUnit.SECONDS)
                    : answer);
        assertTrue(
            documentsSuccess(operation, response.statusCode()),
            whole + ": HTTP " + response.statusCode() + " is no documented 2xx");
        assertNotNull(response.requestId(), whole + ": the request id");
        sent = fromSchema ? sentJson() : expected;
        assertEquals(
            sent,
            comparable(response.body(), blocking.getGenericReturnType(), operation),
            whole + ": body vs " + source);
      }
    }
    assertEquals(List.of(), violations, "Prism's sl-violations");
    String call = httpMethod + " " + Pattern.compile("\\{[^}]+}").matcher(path).replaceAll("[^/]+");
    boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    long matching =
        exchanges.stream()
            .filter(e -> e.matches(call + " -> 2\\d\\d" + (secured ? " \\(with JWT\\)" : "")))
            .count();
    int calls = 4 * blockingForms.size();
    assertEquals(
        calls,
        matching,
        calls + " calls, each 2xx" + (secured ? " with the JWT" : "") + ": " + exchanges);
    exercised.add(operation.getOperationId());
  }

  /** Whether the operation documents {@code status}, a 2xx, as its own or in a range. */
  private static boolean documentsSuccess(Operation operation, int status) {
    Set<String> documented = operation.getResponses().keySet();
    return status / 100 == 2
        && (documented.contains(String.valueOf(status))
            || documented.contains("2XX")
            || documented.contains("2xx")
            || documented.contains("default"));
  }

  private static boolean isInternal(Operation operation) {
    return operation.getExtensions() != null
        && Boolean.TRUE.equals(operation.getExtensions().get("x-osai-internal"));
  }

  /**
   * An {@code x-osai-internal} operation has no generated method: the SDK's own code calls it. The
   * one such operation today is the sign-in ({@code x-osai-sign-in}), which the session calls
   * before the first secured call: a fresh client makes one call of its own (to a path the spec
   * does not describe, which Prism answers 404), and the JWT it sends must be the sign-in's
   * example, which proves that Prism took the sign-in request (Prism refuses a request that breaks
   * the spec) and that the session read its answer. The sign-in goes out on the session's own
   * OkHttp client, which runs none of the caller's interceptors, so its error statuses cannot be
   * asked of Prism from here: FaultMatrixTest proves them on the wire (400, 401, 403: {@link
   * AccessTokenRejectedException}). An internal operation that is not the sign-in fails: nothing
   * here knows how to call it.
   */
  private void internalTests(List<DynamicTest> tests, String name, String path, Operation op) {
    tests.add(
        DynamicTest.dynamicTest(
            name + " is generated into no public interface; the session calls it",
            () -> {
              assertTrue(
                  op.getExtensions().get("x-osai-sign-in") != null,
                  op.getOperationId()
                      + " is x-osai-internal but not the sign-in: no test knows how to call it");
              notGenerated(op);
              signIn(op);
              exercised.add(op.getOperationId());
            }));
  }

  /** No public interface the accessors return has a method named for {@code operation}. */
  private void notGenerated(Operation operation) {
    for (Method accessor : accessors.getMethods()) {
      if (accessor.getParameterCount() != 0 || !accessor.getReturnType().isInterface()) {
        continue;
      }
      for (Method method : accessor.getReturnType().getMethods()) {
        assertTrue(
            !method.getName().startsWith(operation.getOperationId()),
            method + " is generated, although " + operation.getOperationId() + " is internal");
      }
    }
  }

  /** A call of {@link Probe} on a fresh client, whose session signs in against Prism first. */
  private void signIn(Operation operation) throws Throwable {
    exchanges.clear();
    violations.clear();
    authorization.set(null);
    try (OsaiClient fresh =
        OsaiClient.builder()
            .accessToken("contract-test-access-token")
            .baseUrl(prism.url().toString())
            .okHttpClient(shared)
            .maxRetries(0)
            .build()) {
      assertThrows(NotFoundException.class, fresh.api(Probe.class)::probe, "no such path");
    }
    Object jwt = successExample(operation);
    assertNotNull(jwt, "the sign-in's 200 has an example JWT");
    assertEquals("Bearer " + jwt, authorization.get(), "the JWT the session sent");
    assertEquals(
        List.of("GET /osai-contract-sign-in-probe -> 404 (with JWT)"), exchanges, "one call");
    exchanges.clear();
    violations.clear();
  }

  /** A call the spec does not describe: it makes a client sign in first. */
  interface Probe {
    @retrofit2.http.GET("osai-contract-sign-in-probe")
    String probe();
  }

  /** The JSON Prism sent for the last 2xx answer, as plain values. */
  private Object sentJson() throws IOException {
    String body = answered.get();
    assertNotNull(body, "Prism answered a JSON body: " + exchanges);
    return MOSHI.adapter(Object.class).fromJson(body);
  }

  private static boolean jsonSuccess(Operation operation) {
    return successContentTypes(operation).stream()
        .anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("json"));
  }

  private void callFailsWith(String path, Operation operation, int status) throws Throwable {
    Object api = api(operation);
    Method blocking = method(api, operation.getOperationId(), operation);
    Method async = method(api, operation.getOperationId() + "Async", operation);
    Object[] args = arguments(blocking, operation);
    Class<? extends OsaiServiceException> expected = expectedException(status);
    Pattern pathPattern = Pattern.compile(".*" + path.replaceAll("\\{[^}]+}", "[^/]+"));
    preferred.set(Map.entry(pathPattern, status));
    try {
      OsaiServiceException thrown = assertThrows(expected, () -> invoke(api, blocking, args));
      assertEquals(status, thrown.statusCode());
      ExecutionException wrapped =
          assertThrows(
              ExecutionException.class,
              () -> ((CompletableFuture<?>) invoke(api, async, args)).get(30, TimeUnit.SECONDS));
      assertEquals(expected, wrapped.getCause().getClass());
      Method whole = method(api, operation.getOperationId() + "WithResponse", operation);
      Method wholeAsync = method(api, operation.getOperationId() + "WithResponseAsync", operation);
      assertEquals(
          status, assertThrows(expected, () -> invoke(api, whole, args)).statusCode(), "" + whole);
      assertEquals(
          expected,
          assertThrows(
                  ExecutionException.class,
                  () ->
                      ((CompletableFuture<?>) invoke(api, wholeAsync, args))
                          .get(30, TimeUnit.SECONDS))
              .getCause()
              .getClass(),
          "" + wholeAsync);
      Map<?, ?> problem = problemExample(operation, status);
      if (problem != null) {
        for (OsaiServiceException e : List.of(thrown, (OsaiServiceException) wrapped.getCause())) {
          assertNotNull(e.problem(), "problem() of the documented problem: " + e.body());
          assertEquals(problem.get("title"), e.problem().title(), "problem title");
          assertEquals(
              problem.get("status") == null ? null : ((Number) problem.get("status")).intValue(),
              e.problem().status(),
              "problem status");
          assertEquals(
              problem.get("errors") == null ? Map.of() : problem.get("errors"),
              e.problem().errors(),
              "problem errors");
        }
      }
    } finally {
      preferred.set(null);
    }
  }

  /**
   * The example of a documented {@code application/problem+json} error, as JSON values; or null.
   */
  private static Map<?, ?> problemExample(Operation operation, int status) throws IOException {
    ApiResponse response = operation.getResponses().get(String.valueOf(status));
    MediaType media =
        response == null || response.getContent() == null
            ? null
            : response.getContent().get("application/problem+json");
    Object example = mediaExample(media);
    return example == null
        ? null
        : (Map<?, ?>)
            MOSHI.adapter(Object.class).fromJson(Json.mapper().writeValueAsString(example));
  }

  /**
   * Proves the violation check is not vacuous: a JSON number sent to an operation whose JSON body
   * is an object is reported. The operation is found by that shape, wherever it stands in the spec.
   */
  private void controlIsCaught() throws IOException {
    String path = null;
    String method = null;
    for (Map.Entry<String, PathItem> item : openApi.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          item.getValue().readOperationsMap().entrySet()) {
        MediaType json =
            op.getValue().getRequestBody() == null
                    || op.getValue().getRequestBody().getContent() == null
                ? null
                : op.getValue().getRequestBody().getContent().get("application/json");
        if (path == null
            && json != null
            && json.getSchema() != null
            && ("object".equals(json.getSchema().getType())
                || json.getSchema().getProperties() != null)) {
          path = item.getKey().replaceAll("\\{[^}]+}", "x");
          method = op.getKey().name();
        }
      }
    }
    assertNotNull(path, "the spec has an operation whose JSON body is an object");
    Request wrong =
        new Request.Builder()
            .url(prism.url().resolve(path.substring(1)))
            .header("Authorization", "Bearer control")
            .method(
                method,
                okhttp3.RequestBody.create("123", okhttp3.MediaType.get("application/json")))
            .build();
    try (Response response = shared.newCall(wrong).execute()) {
      assertTrue(response.code() >= 400, "Prism accepted " + wrong + ": " + response);
    }
    assertEquals(1, violations.size(), "the recorder saw Prism's sl-violations: " + exchanges);
    violations.clear();
    exchanges.clear();
  }

  static Class<? extends OsaiServiceException> expectedException(int status) {
    switch (status) {
      case 400:
        return BadRequestException.class;
      case 401:
        return UnauthorizedException.class;
      case 403:
        return PermissionDeniedException.class;
      case 404:
        return NotFoundException.class;
      case 409:
        return ConflictException.class;
      case 422:
        return UnprocessableEntityException.class;
      case 429:
        return RateLimitException.class;
      default:
        return status >= 500 ? InternalServerException.class : UnexpectedStatusCodeException.class;
    }
  }

  /** The tag's interface, reached through its generated accessor. */
  private Object api(Operation operation) throws Exception {
    String tag = operation.getTags().get(0);
    String iface =
        apiPackage + "." + Character.toUpperCase(tag.charAt(0)) + tag.substring(1) + "Api";
    Class<?> type;
    try {
      type = Class.forName(iface);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("tag " + tag + " has no generated interface " + iface, e);
    }
    for (Method accessor : accessors.getMethods()) {
      if (accessor.getParameterCount() == 0 && accessor.getReturnType() == type) {
        return accessor.invoke(accessorsInstance);
      }
    }
    throw new AssertionError(accessors.getName() + " has no accessor for " + iface);
  }

  /** The full form (the one with the most parameters). */
  private static Method method(Object api, String name, Operation operation) {
    return methods(api, name, operation).get(0);
  }

  /**
   * The generated methods of this name, the full form first: with optional query or header
   * parameters, an operation also has a form without them (the one with the fewest).
   */
  private static List<Method> methods(Object api, String name, Operation operation) {
    List<Method> methods = new ArrayList<>();
    for (Class<?> type : api.getClass().getInterfaces()) {
      for (Method method : type.getMethods()) {
        if (method.getName().equals(name)) {
          methods.add(method);
        }
      }
    }
    if (methods.isEmpty()) {
      throw new AssertionError(
          "operation " + operation.getOperationId() + " has no generated method " + name);
    }
    methods.sort(java.util.Comparator.comparingInt(Method::getParameterCount).reversed());
    boolean optional =
        (operation.getParameters() != null
                && operation.getParameters().stream()
                    .anyMatch(p -> !Boolean.TRUE.equals(p.getRequired())))
            || (operation.getRequestBody() != null
                && !Boolean.TRUE.equals(operation.getRequestBody().getRequired()));
    assertEquals(
        optional ? 2 : 1,
        methods.size(),
        name + ": the full form" + (optional ? " and the one without optional parameters" : ""));
    return methods;
  }

  private static Object invoke(Object api, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(api, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Arguments from the spec's examples, matched to parameters by their Retrofit annotations. */
  private Object[] arguments(Method method, Operation operation) throws IOException {
    Type[] types = method.getGenericParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Object example = null;
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof retrofit2.http.Body) {
          example = mediaExample(operation.getRequestBody().getContent().get("application/json"));
        } else if (annotation instanceof retrofit2.http.Path) {
          example = parameterExample(operation, "path", ((retrofit2.http.Path) annotation).value());
        } else if (annotation instanceof retrofit2.http.Query) {
          example =
              parameterExample(operation, "query", ((retrofit2.http.Query) annotation).value());
        } else if (annotation instanceof retrofit2.http.Header) {
          example =
              parameterExample(operation, "header", ((retrofit2.http.Header) annotation).value());
        } else if (annotation instanceof retrofit2.http.Part) {
          if (types[i] == UploadFile.class) { // a binary part: a few bytes of a file
            args[i] = UploadFile.of(new byte[] {'P', 'N', 'G'}, "contract.png", "image/png");
            break;
          }
          if (types[i].getTypeName().equals("java.util.List<" + UploadFile.class.getName() + ">")) {
            args[i] =
                List.of(
                    UploadFile.of(new byte[] {'P', 'N', 'G'}, "a.png", "image/png"),
                    UploadFile.of(new byte[] {'G', 'I', 'F'}, "b.gif", "image/gif"));
            break;
          }
          example = partExample(operation, ((retrofit2.http.Part) annotation).value());
        } else if (annotation instanceof retrofit2.http.Field) {
          example = formFieldExample(operation, ((retrofit2.http.Field) annotation).value());
        }
      }
      if (args[i] != null) {
        continue;
      }
      if (example == null) { // Swashbuckle writes no examples: a value made from the schema
        example = sample(schemaOf(operation, annotations[i]), true);
      }
      assertNotNull(
          example,
          operation.getOperationId()
              + ": parameter "
              + i
              + " of "
              + method
              + " has neither an example nor a schema in the spec");
      args[i] = MOSHI.adapter(types[i]).fromJson(Json.mapper().writeValueAsString(example));
    }
    return args;
  }

  /** The schema of the parameter, body or field a Retrofit annotation names; or null. */
  private static io.swagger.v3.oas.models.media.Schema<?> schemaOf(
      Operation operation, Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      String in = null;
      String name = null;
      if (annotation instanceof retrofit2.http.Body) {
        return operation.getRequestBody().getContent().get("application/json").getSchema();
      } else if (annotation instanceof retrofit2.http.Part
          || annotation instanceof retrofit2.http.Field) {
        name =
            annotation instanceof retrofit2.http.Part
                ? ((retrofit2.http.Part) annotation).value()
                : ((retrofit2.http.Field) annotation).value();
        for (MediaType media : operation.getRequestBody().getContent().values()) {
          Map<String, io.swagger.v3.oas.models.media.Schema> properties =
              media.getSchema() == null ? null : media.getSchema().getProperties();
          if (properties != null && properties.containsKey(name)) {
            return properties.get(name);
          }
        }
        return null;
      } else if (annotation instanceof retrofit2.http.Path) {
        in = "path";
        name = ((retrofit2.http.Path) annotation).value();
      } else if (annotation instanceof retrofit2.http.Query) {
        in = "query";
        name = ((retrofit2.http.Query) annotation).value();
      } else if (annotation instanceof retrofit2.http.Header) {
        in = "header";
        name = ((retrofit2.http.Header) annotation).value();
      }
      if (in != null) {
        for (Parameter parameter : operation.getParameters()) {
          if (parameter.getIn().equals(in) && parameter.getName().equals(name)) {
            return parameter.getSchema();
          }
        }
      }
    }
    return null;
  }

  /**
   * A value the schema admits, as plain JSON values: its example, default or first enum value, else
   * one of its type and format. A request leaves readOnly properties out.
   */
  static Object sample(io.swagger.v3.oas.models.media.Schema<?> schema, boolean request) {
    if (schema == null) {
      return null;
    }
    if (schema.getExample() != null) {
      return schema.getExample();
    }
    if (schema.getDefault() != null) {
      return schema.getDefault();
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return schema.getEnum().get(0);
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      Map<String, Object> merged = new LinkedHashMap<>();
      for (io.swagger.v3.oas.models.media.Schema<?> part : schema.getAllOf()) {
        Object value = sample(part, request);
        if (value instanceof Map) {
          ((Map<?, ?>) value).forEach((k, v) -> merged.put((String) k, v));
        } else if (value != null) {
          return value;
        }
      }
      return merged;
    }
    String type = schema.getType();
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    if ("array".equals(type) || schema.getItems() != null) {
      return List.of(sample(schema.getItems(), request));
    }
    if ("object".equals(type) || schema.getProperties() != null) {
      Map<String, Object> object = new LinkedHashMap<>();
      if (schema.getProperties() != null) {
        schema
            .getProperties()
            .forEach(
                (name, property) -> {
                  if (!(request && Boolean.TRUE.equals(property.getReadOnly()))) {
                    object.put(name, sample(property, request));
                  }
                });
      }
      return object;
    }
    if ("integer".equals(type)) {
      return 1;
    }
    if ("number".equals(type)) {
      return 2.5;
    }
    if ("boolean".equals(type)) {
      return true;
    }
    switch (format) {
      case "date-time":
        return "2024-05-01T08:30:00Z";
      case "date":
        return "2024-05-01";
      case "uuid":
        return "3fa85f64-5717-4562-b3fc-2c963f66afa6";
      default:
        return "text";
    }
  }

  /** The example of a multipart/form-data field, from its property's schema. */
  private static Object partExample(Operation operation, String name) {
    io.swagger.v3.oas.models.media.Schema<?> schema =
        operation.getRequestBody().getContent().get("multipart/form-data").getSchema();
    io.swagger.v3.oas.models.media.Schema<?> property =
        schema.getProperties() == null ? null : schema.getProperties().get(name);
    return property == null ? null : property.getExample();
  }

  /** A field of the example of an {@code application/x-www-form-urlencoded} body. */
  private static Object formFieldExample(Operation operation, String name) throws IOException {
    Object example =
        mediaExample(
            operation.getRequestBody().getContent().get("application/x-www-form-urlencoded"));
    if (example == null) {
      return null;
    }
    Object fields = MOSHI.adapter(Object.class).fromJson(Json.mapper().writeValueAsString(example));
    return fields instanceof Map ? ((Map<?, ?>) fields).get(name) : null;
  }

  private static Object parameterExample(Operation operation, String in, String name) {
    for (Parameter parameter : operation.getParameters()) {
      if (parameter.getIn().equals(in) && parameter.getName().equals(name)) {
        if (parameter.getExample() != null) {
          return parameter.getExample();
        }
        return parameter.getSchema() == null ? null : parameter.getSchema().getExample();
      }
    }
    return null;
  }

  private static Object mediaExample(MediaType media) {
    if (media == null) {
      return null;
    }
    if (media.getExample() != null) {
      return media.getExample();
    }
    if (media.getExamples() != null && !media.getExamples().isEmpty()) {
      return media.getExamples().values().iterator().next().getValue();
    }
    return media.getSchema() == null ? null : media.getSchema().getExample();
  }

  /** The 2xx example as a plain value (text as it is, JSON as maps, lists and doubles). */
  private static Object successExample(Operation operation) throws IOException {
    for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
      if (response.getKey().startsWith("2") && response.getValue().getContent() != null) {
        for (Map.Entry<String, MediaType> media : response.getValue().getContent().entrySet()) {
          Object example = mediaExample(media.getValue());
          if (media.getKey().toLowerCase(Locale.ROOT).contains("json")) {
            return MOSHI.adapter(Object.class).fromJson(Json.mapper().writeValueAsString(example));
          }
          if (example instanceof byte[]) { // a format: binary example, as the parser reads it
            return new String((byte[]) example, java.nio.charset.StandardCharsets.UTF_8);
          }
          return example;
        }
      }
    }
    return null;
  }

  /**
   * The result as a plain value: a streamed {@code ResponseBody} is read as text (closing it),
   * after checking its content type is the one the spec documents.
   */
  private static Object comparable(Object result, Type type, Operation operation)
      throws IOException {
    if (result instanceof okhttp3.ResponseBody) {
      try (okhttp3.ResponseBody body = (okhttp3.ResponseBody) result) {
        okhttp3.MediaType contentType = body.contentType();
        assertNotNull(contentType, "a streamed answer's content type");
        assertTrue(
            successContentTypes(operation)
                .contains(contentType.type() + "/" + contentType.subtype()),
            "content type " + contentType + " is one the spec documents");
        return body.string();
      }
    }
    if (result instanceof String || result == null) {
      return result;
    }
    if (result instanceof Map) { // a free-form object: its null values too
      return MOSHI
          .adapter(Object.class)
          .fromJson(MOSHI.adapter(type).serializeNulls().toJson(result));
    }
    return MOSHI.adapter(Object.class).fromJson(MOSHI.adapter(type).toJson(result));
  }

  private static Set<String> successContentTypes(Operation operation) {
    Set<String> types = new LinkedHashSet<>();
    operation
        .getResponses()
        .forEach(
            (code, response) -> {
              if (code.startsWith("2") && response.getContent() != null) {
                types.addAll(response.getContent().keySet());
              }
            });
    return types;
  }

  /** The spec's operations, in document order, as {@code "METHOD path"}. */
  Map<String, String> operations() {
    Map<String, String> operations = new LinkedHashMap<>();
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            operations.put(operation.getOperationId(), method + " " + path)));
    return operations;
  }

  @Override
  public void close() {
    client.close();
    shared.dispatcher().executorService().shutdown();
    shared.connectionPool().evictAll();
  }
}
