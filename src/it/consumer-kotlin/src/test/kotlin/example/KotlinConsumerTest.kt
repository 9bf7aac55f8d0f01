package example

import com.onestepai.osai.NotFoundException
import com.onestepai.osai.OsaiClient
import com.onestepai.osai.growth.model.AnnotationStatus
import com.onestepai.osai.model.User
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking
import mockwebserver3.MockResponse
import mockwebserver3.MockWebServer
import java.util.concurrent.CompletableFuture
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Test
import retrofit2.HttpException
import retrofit2.http.GET

/** Whether the compiler typed [value] as nullable: `null is T` for the T it inferred. */
inline fun <reified T> typedNullable(@Suppress("UNUSED_PARAMETER") value: T): Boolean = null is T

/** A `when` over known() with no else: it compiles only if it covers every constant. */
fun describe(status: AnnotationStatus): String =
    when (status.known()) {
      AnnotationStatus.Known.DRAFT -> "draft"
      AnnotationStatus.Known.REVIEWED -> "reviewed"
      AnnotationStatus.Known.REJECTED -> "rejected"
      AnnotationStatus.Known._UNKNOWN -> "new: " + status.value()
    }

/**
 * A user-declared interface (README: Operations the spec does not describe yet). A `suspend fun`
 * goes through Retrofit's own Call, so its errors are Retrofit's (issue 19 item 5: documented, not
 * supported); the CompletableFuture form, awaited, gets the SDK's typed errors.
 */
interface MyUsers {
  @GET("Users") suspend fun me(): User

  @GET("Users") fun meAsync(): CompletableFuture<User>
}

class KotlinConsumerTest {
  private val jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2ln"

  @Test
  fun awaitsTheAsyncCallAndReadsNullnessFromJSpecify() {
    MockWebServer().use { server ->
      server.start()
      server.enqueue(
          MockResponse.Builder().addHeader("Content-Type", "text/plain; charset=utf-8").body(jwt).build())
      server.enqueue(
          MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .body("""{"id":"u-1","userName":"OneStep AI","email":null}""")
              .build())
      OsaiClient.builder()
          .accessToken("kotlin-consumer-token")
          .baseUrl(server.url("/api").toString())
          .build()
          .use { client ->
            val me: User = runBlocking { client.users().getCurrentUserAsync().await() }
            assertEquals("OneStep AI", me.userName)
            // @Nullable getters are String? to Kotlin; @NullMarked ones plain String.
            assertTrue(typedNullable(me.email))
            assertEquals(null, me.email?.length)
            assertFalse(typedNullable(client.users()))
            assertFalse(typedNullable(AnnotationStatus.of("draft").value()))
          }
    }
  }

  @Test
  fun anOpenEnumsKnownIsExhaustiveInAWhen() {
    assertEquals("reviewed", describe(AnnotationStatus.of("reviewed")))
    assertEquals("new: archived", describe(AnnotationStatus.of("archived")))
  }

  @Test
  fun aSuspendFunGetsRetrofitsErrorAndTheAwaitedFutureTheTypedOne() {
    MockWebServer().use { server ->
      server.start()
      server.enqueue(
          MockResponse.Builder().addHeader("Content-Type", "text/plain; charset=utf-8").body(jwt).build())
      server.enqueue(MockResponse.Builder().code(404).body("").build())
      server.enqueue(MockResponse.Builder().code(404).body("").build())
      OsaiClient.builder()
          .accessToken("kotlin-consumer-token")
          .baseUrl(server.url("/api").toString())
          .maxRetries(0)
          .build()
          .use { client ->
            val mine = client.api(MyUsers::class.java)
            val raw = assertThrows(HttpException::class.java) { runBlocking { mine.me() } }
            assertEquals(404, raw.code())
            val typed = assertThrows(NotFoundException::class.java) {
              runBlocking { mine.meAsync().await() }
            }
            assertEquals(404, typed.statusCode())
            // Both went with the JWT after the one sign-in.
            assertEquals("/api/Users/SignIn", server.takeRequest().target)
            assertEquals("Bearer $jwt", server.takeRequest().headers["Authorization"])
            assertEquals("Bearer $jwt", server.takeRequest().headers["Authorization"])
          }
    }
  }
}
