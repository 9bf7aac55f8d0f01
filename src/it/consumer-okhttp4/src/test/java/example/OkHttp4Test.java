package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.OsaiClient;
import org.junit.jupiter.api.Test;

class OkHttp4Test {
  @Test
  void bothOkHttpJarsAreOnTheClasspathAndOkHttp4Wins() throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    assertTrue(classpath.contains("okhttp-4.12.0.jar"), classpath);
    assertTrue(classpath.contains("okhttp-jvm-"), classpath);
    assertEquals("4.12.0", Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
  }

  @Test
  void buildFailsNamingBothVersionsAndTheFix() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> OsaiClient.builder().accessToken("okhttp4-consumer-token").build());
    String message = e.getMessage();
    assertTrue(message.startsWith("OkHttp 4.12.0 is on the classpath, but the OSAI SDK needs OkHttp 5"), message);
    assertTrue(message.contains("okhttp-4.12.0.jar"), message);
    assertTrue(message.matches(".*okhttp-jvm-5\\.[0-9.]+\\.jar.*"), message);
    assertTrue(message.contains("<exclusion>") && message.contains("<dependencyManagement>"), message);
    assertEquals(1, message.split("\n").length, "one line: " + message);
  }
}
