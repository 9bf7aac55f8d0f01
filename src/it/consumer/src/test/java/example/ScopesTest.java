package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.LogLevel;
import com.onestepai.osai.OsaiClient;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The SDK's POM scopes as a user's build sees them: what its public API exposes (OkHttp, Okio,
 * Retrofit, Moshi, JSpecify) is on the user's compile classpath; what it uses inside
 * (logging-interceptor, converter-moshi, the Kotlin stdlib) only at run time.
 */
class ScopesTest {
  private static String compile(String source) throws Exception {
    String classpath = new String(Files.readAllBytes(Paths.get(System.getProperty("compile.classpath"))),
        StandardCharsets.UTF_8).trim();
    Path out = Files.createTempDirectory("scopes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Consumer.java"),
        SimpleJavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    List<String> options = Arrays.asList("-classpath", classpath, "-d", out.toString(), "--release", "8",
        "-Xlint:-options");
    boolean ok = javac.getTask(errors, null, null, options, null, Collections.singletonList(file)).call();
    return ok ? "" : errors.toString();
  }

  @Test
  void theApiTypesCompile() throws Exception {
    assertEquals("", compile("import com.onestepai.osai.OsaiClient;\n"
        + "class Consumer {\n"
        + "  okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();\n"
        + "  okio.Buffer buffer = new okio.Buffer();\n"
        + "  retrofit2.Call<String> call;\n"
        + "  com.squareup.moshi.Moshi moshi = new com.squareup.moshi.Moshi.Builder().build();\n"
        + "  @org.jspecify.annotations.Nullable OsaiClient client;\n"
        + "}\n"));
  }

  @Test
  void httpLoggingInterceptorIsNotOnTheCompileClasspath() throws Exception {
    String errors = compile("class Consumer {\n"
        + "  Object logging = new okhttp3.logging.HttpLoggingInterceptor();\n"
        + "  Object converter = retrofit2.converter.moshi.MoshiConverterFactory.create();\n"
        + "}\n");
    assertTrue(errors.contains("package okhttp3.logging does not exist"), errors);
    assertTrue(errors.contains("package retrofit2.converter.moshi does not exist"), errors);
  }

  @Test
  void butTheRuntimeHasThem() throws Exception {
    Class.forName("okhttp3.logging.HttpLoggingInterceptor");
    Class.forName("retrofit2.converter.moshi.MoshiConverterFactory");
    Class.forName("kotlin.Unit");
    try (OsaiClient client = OsaiClient.builder().accessToken("scopes-it-token")
        .baseUrl("http://127.0.0.1:9/api").logLevel(LogLevel.BODY).build()) {
      assertFalse(client.toString().contains("scopes-it-token"));
    }
  }
}
