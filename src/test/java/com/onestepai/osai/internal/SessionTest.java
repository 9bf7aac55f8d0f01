package com.onestepai.osai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.OsaiException;
import com.onestepai.osai.OsaiIoException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session's JWT lifecycle with an injected clock and a scripted sign-in; no network. */
class SessionTest {
  static final long NOW = 1_800_000_000_000L;
  static final long SECOND = 1000;
  static final long WAIT = TimeUnit.SECONDS.toNanos(10);

  final AtomicLong clock = new AtomicLong(NOW);
  final ScriptedSignIn signIn = new ScriptedSignIn();
  final ExecutorService executor = Executors.newCachedThreadPool();
  final Redactor redactor = new Redactor();
  final Session.ServerDate serverDate = new Session.ServerDate();

  @AfterEach
  void tearDown() {
    executor.shutdownNow();
  }

  Session session(Supplier<String> token, long marginMillis) {
    return new Session(
        token,
        signIn,
        serverDate,
        HttpUrl.get("https://osai.test/api/"),
        redactor,
        clock::get,
        marginMillis,
        executor,
        line -> {});
  }

  Session session() {
    return session(() -> "access-token", 60 * SECOND);
  }

  static String jwt(String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  static String jwtValidFor(long iatMillis, long lifetimeSeconds) {
    long iat = iatMillis / 1000;
    return jwt("{\"iat\":" + iat + ",\"exp\":" + (iat + lifetimeSeconds) + "}");
  }

  @Test
  void aFreshJwtIsReusedAndReplacedOnceItsRefreshMarginStarts() {
    signIn.answer(jwtValidFor(NOW, 3600)).answer(jwtValidFor(NOW + 3540 * SECOND, 3600));
    Session session = session();

    Jwt first = session.jwt(WAIT);
    clock.set(NOW + 3539 * SECOND); // 61 s before exp: still fresh
    assertSame(first, session.jwt(WAIT));
    assertEquals(1, signIn.calls.size());

    clock.set(NOW + 3540 * SECOND); // 60 s before exp: the margin starts
    Jwt second = session.jwt(WAIT);
    assertEquals(2, signIn.calls.size(), "replaced before the next call went out");
    assertFalse(second.value().equals(first.value()));
  }

  @Test
  void theMarginIsCappedAtHalfTheLifetime() {
    signIn.answer(jwtValidFor(NOW, 60)).answer(jwtValidFor(NOW, 60));
    Session session = session();

    session.jwt(WAIT);
    clock.set(NOW + 29 * SECOND);
    session.jwt(WAIT);
    assertEquals(1, signIn.calls.size(), "a 60 s margin would make a 60 s JWT stale at once");
    clock.set(NOW + 30 * SECOND);
    session.jwt(WAIT);
    assertEquals(2, signIn.calls.size());
  }

  @Test
  void theServersDateCorrectsClockSkew() {
    // Our clock is an hour ahead of the server's. The JWT (no iat) expires 2 h after the server's
    // now.
    long serverNow = NOW - 3600 * SECOND;
    signIn.answer(jwt("{\"exp\":" + (serverNow / 1000 + 7200) + "}"));
    serverDate.lastMillis = serverNow;
    Session session = session(() -> "access-token-t", 0);

    Jwt jwt = session.jwt(WAIT);

    assertEquals(NOW + 7200 * SECOND, jwt.expiresAtMillis, "2 h from now on our clock, not 1 h");
  }

  @Test
  void withoutADateHeaderIatCorrectsClockSkew() {
    long serverNow = NOW + 600 * SECOND; // the server is 10 min ahead
    signIn.answer(jwtValidFor(serverNow, 3600));
    Session session = session(() -> "access-token-t", 0);

    assertEquals(NOW + 3600 * SECOND, session.jwt(WAIT).expiresAtMillis);
  }

  @Test
  void aJwtWithoutExpIsKeptUntilTheServerRejectsIt() {
    signIn.answer(jwt("{\"sub\":\"x\"}")).answer(jwt("{\"sub\":\"y\"}"));
    Session session = session();

    Jwt first = session.jwt(WAIT);
    clock.set(NOW + 365L * 24 * 3600 * SECOND);
    assertSame(first, session.jwt(WAIT));

    Jwt second = session.replace(first, WAIT);
    assertEquals(2, signIn.calls.size());
    assertFalse(second.value().equals(first.value()));
  }

  @Test
  void aJwtAnotherCallerAlreadyReplacedIsNotReplacedAgain() {
    signIn.answer(jwt("{\"sub\":\"1\"}")).answer(jwt("{\"sub\":\"2\"}"));
    Session session = session();
    Jwt rejected = session.jwt(WAIT);

    Jwt byFirstCaller = session.replace(rejected, WAIT);
    Jwt bySecondCaller = session.replace(rejected, WAIT); // saw a 401 for the same old JWT

    assertSame(byFirstCaller, bySecondCaller);
    assertEquals(2, signIn.calls.size());
  }

  @Test
  void aRotatedAccessTokenIsReadAtTheNextSignIn() {
    Deque<String> tokens = new ArrayDeque<>(List.of("token-one", "token-two"));
    signIn.answer(jwt("{\"sub\":\"1\"}")).answer(jwt("{\"sub\":\"2\"}"));
    Session session = session(tokens::poll, 0);

    session.replace(session.jwt(WAIT), WAIT);

    assertEquals(List.of("token-one", "token-two"), signIn.calls);
  }

  @Test
  void aSupplierThatGivesNoTokenIsATypedError() {
    Session session = session(() -> null, 0);

    OsaiException e = assertThrows(OsaiException.class, () -> session.jwt(WAIT));
    assertTrue(e.getMessage().contains("returned null"), e.getMessage());
    assertEquals(0, signIn.calls.size());
  }

  @Test
  void aWaiterGivesUpAtItsDeadlineWhileTheSignInFinishesForOthers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    signIn.blockOn(release).answer(jwt("{\"sub\":\"slow\"}"));
    Session session = session();

    OsaiIoException e =
        assertThrows(OsaiIoException.class, () -> session.jwt(TimeUnit.MILLISECONDS.toNanos(50)));
    assertTrue(e.getMessage().contains("Timed out waiting for sign-in"), e.getMessage());

    Future<Jwt> later = executor.submit(() -> session.jwt(WAIT));
    release.countDown();
    assertTrue(later.get(10, TimeUnit.SECONDS).value().startsWith("eyJ"));
    assertEquals(1, signIn.calls.size(), "the second caller joined the sign-in the first left");
  }

  @Test
  void neitherTheJwtNorTheSessionPrintsItsValue() {
    String value = jwtValidFor(NOW, 3600);
    signIn.answer(value);
    Session session = session();
    Jwt jwt = session.jwt(WAIT);

    assertFalse(jwt.toString().contains(value), jwt.toString());
    assertFalse(session.toString().contains(value), session.toString());
    assertEquals(
        "Bearer [redacted] and [redacted]",
        redactor.redact("Bearer " + value + " and access-token"));
  }

  /** A sign-in that answers from a script and records the tokens it was given. */
  static final class ScriptedSignIn implements Function<String, String> {
    final List<String> calls = new ArrayList<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private CountDownLatch gate;

    ScriptedSignIn answer(String jwt) {
      answers.add(jwt);
      return this;
    }

    ScriptedSignIn blockOn(CountDownLatch gate) {
      this.gate = gate;
      return this;
    }

    @Override
    public synchronized String apply(String token) {
      calls.add(token);
      if (gate != null) {
        try {
          gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
      return answers.remove();
    }
  }
}
