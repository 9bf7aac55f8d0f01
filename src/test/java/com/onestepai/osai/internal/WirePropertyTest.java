package com.onestepai.osai.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.OsaiJson;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 20 item 4: the round trip through the real client. For the operations of osai.yaml and of
 * each corpus document that answer a model (a GET whose blocking method returns a model class), an
 * answer generated from the schema by {@link SchemaPropertyTest.Generator} is served by
 * MockWebServer and read by the generated method; the model is then sent back, rebuilt with {@code
 * toBuilder().build()}, with a PUT or POST of the same document whose {@code @Body} is that class,
 * and the body on the wire must be what the round-trip rules say. A schema that no PUT or POST of
 * its document takes is compared as {@link OsaiJson} writes it (the SDK's own writer) and listed as
 * such in the test's name.
 */
class WirePropertyTest {
  /** Answers per operation (the schema test makes many more of each schema, off the wire). */
  static final int ANSWERS = Integer.getInteger("osai.props.wireAnswers", 10);

  static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2ln";

  @TestFactory
  Stream<DynamicTest> everyOperationThatAnswersAModel() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    // osai.yaml's operations are in every merged corpus document too: tested once, as osai.yaml's
    Set<String> seen = new HashSet<>();
    for (String[] document : SchemaPropertyTest.DOCUMENTS) {
      if (document[2].contains(".growth.")) {
        continue; // the growth fixture's wire shapes have their own *ShapesWireTest classes
      }
      Path spec = Paths.get(document[0]);
      assertTrue(Files.exists(spec), spec + " is missing: the build makes it before the tests");
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(spec.toFile());
      String apiPackage = document[2].replace(".model", ".api");
      Map<String, Class<?>> apis = SchemaPropertyTest.models(Paths.get(document[1]), apiPackage);
      Map<String, String> schemaOf = new TreeMap<>();
      root.path("components")
          .path("schemas")
          .fieldNames()
          .forEachRemaining(name -> schemaOf.put(SchemaPropertyTest.normal(name), name));
      for (Class<?> api : apis.values()) {
        if (!api.isInterface()) {
          continue;
        }
        for (Method read : sorted(api)) {
          Class<?> model = read.getReturnType();
          String schema = schemaOf.get(SchemaPropertyTest.normal(model.getSimpleName()));
          if (!read.isAnnotationPresent(retrofit2.http.GET.class)
              || !model.getPackage().getName().equals(document[2])
              || schema == null
              || arguments(read, null) == null) {
            continue;
          }
          String path = read.getAnnotation(retrofit2.http.GET.class).value();
          if (seen.contains(path + " " + schema)
              || !seen.add(document[0] + " " + path + " " + schema)
              || document[0].equals("openapi/osai.yaml") && !seen.add(path + " " + schema)) {
            continue; // a short form of the same operation, or osai.yaml's operation again
          }
          Method send = sendBack(api.getPackage().getName(), apis, model);
          String name =
              document[0]
                  + " "
                  + api.getSimpleName()
                  + "."
                  + read.getName()
                  + " ("
                  + schema
                  + ") back through "
                  + (send == null
                      ? "OsaiJson: no PUT or POST of the document takes it"
                      : send.getDeclaringClass().getSimpleName() + "." + send.getName());
          tests.add(DynamicTest.dynamicTest(name, () -> roundTrip(root, schema, read, send)));
        }
      }
    }
    assertTrue(tests.size() >= 8, "operations found: " + tests.size());
    return tests.stream();
  }

  static List<Method> sorted(Class<?> api) {
    List<Method> methods = new ArrayList<>();
    for (Method method : api.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers())
          && !method.getReturnType().equals(java.util.concurrent.CompletableFuture.class)) {
        methods.add(method);
      }
    }
    methods.sort(
        (a, b) ->
            (a.getName() + a.getParameterCount()).compareTo(b.getName() + b.getParameterCount()));
    return methods;
  }

  /** A blocking PUT or POST of the same document whose body is {@code model}, or null. */
  static @Nullable Method sendBack(String pkg, Map<String, Class<?>> apis, Class<?> model) {
    for (Class<?> api : apis.values()) {
      for (Method method : sorted(api)) {
        if (!method.isAnnotationPresent(retrofit2.http.PUT.class)
            && !method.isAnnotationPresent(retrofit2.http.POST.class)) {
          continue;
        }
        if (arguments(method, model) != null) {
          for (int i = 0; i < method.getParameterCount(); i++) {
            if (method.getParameters()[i].isAnnotationPresent(retrofit2.http.Body.class)
                && method.getParameterTypes()[i].equals(model)) {
              return method;
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * Plain arguments for {@code method}'s parameters ({@code null} where a parameter is
   * {@code @Nullable}); {@code body} for a {@code @Body} of its type; {@code null} if a parameter
   * has a type this test does not make (an upload, another body).
   */
  static Object @Nullable [] arguments(Method method, @Nullable Object body) {
    Object[] arguments = new Object[method.getParameterCount()];
    for (int i = 0; i < arguments.length; i++) {
      Class<?> type = method.getParameterTypes()[i];
      AnnotatedType annotated = method.getAnnotatedParameterTypes()[i];
      if (method.getParameters()[i].isAnnotationPresent(retrofit2.http.Body.class)) {
        if (body == null || !type.equals(body instanceof Class ? body : body.getClass())) {
          return null;
        }
        arguments[i] = body;
      } else if (annotated.isAnnotationPresent(Nullable.class)) {
        arguments[i] = null;
      } else if (type == String.class) {
        arguments[i] = "s";
      } else if (type == Integer.class || type == int.class) {
        arguments[i] = 1;
      } else if (type == Long.class || type == long.class) {
        arguments[i] = 1L;
      } else if (type == Double.class || type == Float.class) {
        arguments[i] = type == Double.class ? (Object) 1.5 : (Object) 1.5f;
      } else if (type == BigDecimal.class) {
        arguments[i] = new BigDecimal("1.5");
      } else if (type == Boolean.class) {
        arguments[i] = true;
      } else if (type == UUID.class) {
        arguments[i] = new UUID(1, 2);
      } else if (type == OffsetDateTime.class) {
        arguments[i] = OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);
      } else if (type == LocalDate.class) {
        arguments[i] = LocalDate.of(2026, 12, 7);
      } else if (type == List.class) {
        arguments[i] = Collections.emptyList();
      } else {
        return null;
      }
    }
    return arguments;
  }

  /** The answers for one operation, each read, sent back and compared. */
  static void roundTrip(JsonNode root, String schema, Method read, @Nullable Method send)
      throws Exception {
    MockWebServer server = new MockWebServer();
    Answers answers = new Answers();
    server.setDispatcher(answers);
    server.start();
    try (OsaiClient client =
        OsaiClient.builder()
            .accessToken("osai-wire-property-access-token")
            .baseUrl(server.url("/api").toString())
            .maxRetries(0)
            .build()) {
      long seed = SchemaPropertyTest.SEED ^ (read.getName() + schema).hashCode();
      for (int i = 0; i < ANSWERS; i++) {
        long instanceSeed = seed + i;
        SchemaPropertyTest.Generator generator =
            new SchemaPropertyTest.Generator(root, new SplittableRandom(instanceSeed));
        Object expected;
        try {
          expected = generator.value(SchemaPropertyTest.ref(schema), 0, false);
        } catch (SchemaPropertyTest.Unsupported e) {
          continue; // a recursive schema drew a deep instance: the next seed
        }
        String answer = generator.text.toString();
        if (expected == null) {
          continue; // a nullable schema drew null: nothing to send back
        }
        answers.answer = answer;
        String where =
            schema
                + ", instance seed "
                + instanceSeed
                + " (replay: mvn -B -DskipNpm -Dtest=WirePropertyTest -Dosai.props.seed="
                + SchemaPropertyTest.SEED
                + ")\n  answer: "
                + answer;
        Object model;
        try {
          model = read.invoke(client.api(read.getDeclaringClass()), arguments(read, null));
        } catch (InvocationTargetException e) {
          throw new AssertionError(where + "\n  read threw " + e.getCause(), e.getCause());
        }
        String back;
        if (send == null) {
          back = OsaiJson.toJson(SchemaPropertyTest.rebuild(model));
        } else {
          Object rebuilt = SchemaPropertyTest.rebuild(model);
          try {
            send.invoke(client.api(send.getDeclaringClass()), arguments(send, rebuilt));
          } catch (InvocationTargetException e) {
            // The server answers 204: a method that expects a model refuses that answer, after
            // the request this test is about was sent.
            if (!(e.getCause() instanceof com.onestepai.osai.OsaiInvalidDataException)
                || answers.sent == null
                || send.getReturnType() == Void.class) {
              throw new AssertionError(where + "\n  send threw " + e.getCause(), e.getCause());
            }
          }
          RecordedRequest sent = answers.sent;
          assertTrue(sent != null, where + ": the server saw no " + send.getName());
          String contentType = sent.getHeaders().get("Content-Type");
          assertTrue(
              contentType != null && contentType.startsWith("application/json"),
              where + ": Content-Type " + contentType);
          back = sent.getBody().utf8();
          answers.sent = null;
        }
        Object actual = SchemaPropertyTest.tree(back);
        if (!Objects.equals(expected, actual)) {
          fail(
              where
                  + "\n  first difference at "
                  + SchemaPropertyTest.difference(expected, actual, "$")
                  + "\n  expected: "
                  + SchemaPropertyTest.json(expected)
                  + "\n  on the wire: "
                  + back);
        }
      }
    } finally {
      server.close();
    }
    assertTrue(answers.reads > 0, "no answer was read");
  }

  /** Sign-in, then the answer of the moment for a GET, and 204 for a PUT or POST (recorded). */
  static final class Answers extends Dispatcher {
    volatile String answer = "{}";
    volatile @Nullable RecordedRequest sent;
    volatile int reads;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String target = request.getTarget();
      if (target.endsWith("/SignIn")) {
        return new MockResponse.Builder()
            .addHeader("Content-Type", "text/plain; charset=utf-8")
            .body(JWT)
            .build();
      }
      if ("GET".equals(request.getMethod())) {
        reads++;
        return new MockResponse.Builder()
            .addHeader("Content-Type", "application/json; charset=utf-8")
            .body(answer)
            .build();
      }
      sent = request;
      return new MockResponse.Builder().code(204).build();
    }
  }
}
