package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.TOKEN;
import static com.onestepai.osai.Fixtures.USER_JSON;
import static com.onestepai.osai.Fixtures.json;
import static com.onestepai.osai.Fixtures.status;
import static com.onestepai.osai.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.model.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Multipart;
import retrofit2.http.POST;
import retrofit2.http.Part;
import retrofit2.http.Path;
import retrofit2.http.Streaming;
import retrofit2.http.Url;

/**
 * Operations the spec does not describe yet, declared by a user as a Retrofit interface and served
 * by {@link OsaiClient#api}: the JWT (sent by default, to the base URL's origin only), retries as
 * the user marks them, typed errors, multipart uploads and every return form of the generated
 * methods.
 *
 * <p>Two servers: {@code server}, the base URL's origin, and {@code other}, another origin (the
 * same host, another port). Waits between retries are recorded, not slept.
 */
class UserDeclaredOperationsTest {
  static final String JWT = OsaiClientWireTest.JWT;
  static final String BEARER = "Bearer " + JWT;

  /** An answer the spec has no model for, as a user writes it: Moshi reads its fields. */
  static final class Image {
    String imageId;
    long size;
    List<String> categoryIds;
  }

  /** What a user writes for operations the spec lacks; the paths are invented. */
  interface ImagesApi {
    @GET("Images/{imageId}")
    Image image(@Path("imageId") String imageId);

    @GET("Datasets/{datasetId}/Owner")
    User owner(@Path("datasetId") String datasetId);

    @GET("Datasets/{datasetId}/Owner")
    CompletableFuture<User> ownerAsync(@Path("datasetId") String datasetId);

    @GET("Datasets/{datasetId}/Name")
    String name(@Path("datasetId") String datasetId);

    @POST("Datasets")
    User create(@Body User owner);

    @POST("Datasets/{datasetId}/Train")
    Void train(@Path("datasetId") String datasetId);

    @Idempotent
    @POST("Datasets/{datasetId}/Recount")
    Void recount(@Path("datasetId") String datasetId);

    @Multipart
    @POST("Datasets/{datasetId}/Images")
    User upload(
        @Path("datasetId") String datasetId,
        @Part("image") UploadFile image,
        @Part("caption") String caption);

    @Idempotent
    @Multipart
    @POST("Datasets/{datasetId}/Images")
    User uploadIdempotently(@Path("datasetId") String datasetId, @Part("image") UploadFile image);

    @Streaming
    @GET("Images/{imageId}/Content")
    ResponseBody content(@Path("imageId") String imageId);

    @GET
    String fetch(@Url String url);

    @GET("http://other.test/Elsewhere")
    String elsewhere();

    @GET("/health")
    String health();

    @WithoutJwt
    @GET("Status")
    String status();
  }

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer other = new MockWebServer();
  final List<Long> waitsMillis = new CopyOnWriteArrayList<>();
  final List<OkHttpClient> shared = new ArrayList<>();
  OsaiClient client;
  ImagesApi images;

  @BeforeEach
  void setUp() {
    client = client(server.url("/api"), new OkHttpClient.Builder());
    images = client.api(ImagesApi.class);
  }

  @AfterEach
  void tearDown() {
    client.close(); // leaves a shared client's threads and connections to their owner: here
    for (OkHttpClient http : shared) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /**
   * One retry, its waits recorded, a 10 s deadline; {@code other.test} is reached through {@code
   * other}.
   */
  OsaiClient client(HttpUrl baseUrl, OkHttpClient.Builder http) {
    OkHttpClient routed = http.proxySelector(new OtherTestProxy()).build();
    shared.add(routed);
    OsaiClient.Builder builder =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(baseUrl.toString())
            .okHttpClient(routed)
            .timeout(10, TimeUnit.SECONDS)
            .maxRetries(1);
    builder.sleeper = (nanos, canceled) -> waitsMillis.add(TimeUnit.NANOSECONDS.toMillis(nanos));
    return builder.build();
  }

  /** Sends requests for {@code other.test} to {@code other}, as an HTTP proxy; the rest direct. */
  final class OtherTestProxy extends ProxySelector {
    @Override
    public List<Proxy> select(URI uri) {
      return "other.test".equals(uri.getHost())
          ? Collections.singletonList(
              new Proxy(
                  Proxy.Type.HTTP, new InetSocketAddress(other.getHostName(), other.getPort())))
          : Collections.singletonList(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {}
  }

  static RecordedRequest take(MockWebServer from) throws InterruptedException {
    RecordedRequest request = from.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(request, "the server saw no request");
    return request;
  }

  /** The next request {@code from} saw, which must be to {@code target} and without the JWT. */
  static void takeWithoutJwt(MockWebServer from, String target) throws InterruptedException {
    RecordedRequest request = take(from);
    assertEquals(target, request.getTarget());
    assertNull(request.getHeaders().get("Authorization"), "the JWT went to " + target);
  }

  /** The sign-in, then the call that needed it. */
  RecordedRequest takeSignedInCall() throws InterruptedException {
    assertTrue(take(server).getTarget().endsWith("/Users/SignIn"), "sign-in first");
    return take(server);
  }

  // The JWT, by default, to the base URL's origin only.

  @Test
  void aDeclaredGetCarriesTheJwtAndReadsTheModelAfterOneSignIn() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));
    server.enqueue(json(200, "\"Cats\""));

    User owner = images.owner("d 1");
    String name = images.name("d-1");

    assertEquals("OneStep AI", owner.getUserName());
    assertEquals("Cats", name);
    RecordedRequest first = takeSignedInCall();
    assertEquals("/api/Datasets/d%201/Owner", first.getTarget());
    assertEquals(BEARER, first.getHeaders().get("Authorization"));
    assertTrue(first.getHeaders().get("User-Agent").startsWith("osai-java/"));
    RecordedRequest second = take(server);
    assertEquals(BEARER, second.getHeaders().get("Authorization"));
    assertEquals(3, server.getRequestCount(), "one sign-in for both calls");
  }

  @Test
  void anAnswerTypeOfTheUsersOwnIsReadByMoshi() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(json(200, "{\"imageId\":\"i-1\",\"size\":4,\"categoryIds\":[\"c-1\"],\"x\":1}"));

    Image image = images.image("i-1");

    assertEquals("i-1", image.imageId);
    assertEquals(4, image.size);
    assertEquals(List.of("c-1"), image.categoryIds);
    assertEquals("/api/Images/i-1", takeSignedInCall().getTarget());
  }

  @Test
  void theAsyncFormCompletesWithTheModel() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));

    User owner = images.ownerAsync("d-1").get(5, TimeUnit.SECONDS);

    assertEquals("OneStep AI", owner.getUserName());
    assertEquals(BEARER, takeSignedInCall().getHeaders().get("Authorization"));
  }

  @Test
  void aPostSendsItsBodyAsJson() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));

    images.create(User.builder().name("Ada").build());

    RecordedRequest create = takeSignedInCall();
    assertEquals("POST", create.getMethod());
    assertEquals("{\"name\":\"Ada\"}", create.getBody().utf8());
    assertEquals("application/json; charset=UTF-8", create.getHeaders().get("Content-Type"));
    assertEquals(BEARER, create.getHeaders().get("Authorization"));
  }

  @Test
  void aStreamedAnswerAndAnAnswerWithoutABody() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "image/png")
            .body("PNG-BYTES")
            .build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    try (ResponseBody content = images.content("i-1")) {
      assertEquals("image/png", content.contentType().toString());
      assertEquals("PNG-BYTES", content.string());
    }
    assertNull(images.train("d-1"));

    assertEquals(BEARER, takeSignedInCall().getHeaders().get("Authorization"));
    assertEquals(BEARER, take(server).getHeaders().get("Authorization"));
  }

  @Test
  void withoutJwtSendsNoJwtAndSignsNobodyIn() throws Exception {
    server.enqueue(text("up"));

    assertEquals("up", images.status());

    takeWithoutJwt(server, "/api/Status");
    assertEquals(1, server.getRequestCount(), "no sign-in");
  }

  @Test
  void aUrlOnAnotherPortGoesWithoutTheJwtAndSignsNobodyIn() throws Exception {
    other.enqueue(text("elsewhere"));

    assertEquals("elsewhere", images.fetch(other.url("/files/1").toString()));

    takeWithoutJwt(other, "/files/1");
    assertEquals(0, server.getRequestCount(), "no sign-in");
  }

  @Test
  void aUrlOnAnotherHostGoesWithoutTheJwt() throws Exception {
    // The same server under another name: another origin, though it is the same socket.
    String otherHost = "localhost".equals(server.getHostName()) ? "127.0.0.1" : "localhost";
    server.enqueue(text("elsewhere"));

    images.fetch(server.url("/api/Files/1").newBuilder().host(otherHost).build().toString());

    takeWithoutJwt(server, "/api/Files/1");
    assertEquals(1, server.getRequestCount(), "no sign-in");
  }

  @Test
  void aUrlOnTheBaseOriginCarriesTheJwt() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(text("here"));

    images.fetch(server.url("/api/Files/1").toString());

    assertEquals(BEARER, takeSignedInCall().getHeaders().get("Authorization"));
  }

  @Test
  void anAbsoluteUrlInTheAnnotationGoesWithoutTheJwt() throws Exception {
    other.enqueue(text("elsewhere"));

    assertEquals("elsewhere", images.elsewhere());

    takeWithoutJwt(other, "http://other.test/Elsewhere"); // as the proxy for other.test
    assertEquals(0, server.getRequestCount(), "no sign-in");
  }

  @Test
  void aLeadingSlashLeavesTheBasePathButNotTheOrigin() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(text("ok"));

    images.health();

    RecordedRequest health = takeSignedInCall();
    assertEquals("/health", health.getTarget(), "not /api/health");
    assertEquals(BEARER, health.getHeaders().get("Authorization"));
  }

  // Redirects: OkHttp follows them after the SDK's interceptors.

  static MockResponse redirectTo(HttpUrl location) {
    return new MockResponse.Builder().code(302).addHeader("Location", location).build();
  }

  @Test
  void aRedirectWithinTheOriginKeepsTheJwt() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(redirectTo(server.url("/api/Images/i-2/Content")));
    server.enqueue(text("moved"));

    images.fetch(server.url("/api/Images/i-1/Content").toString());

    assertEquals(BEARER, takeSignedInCall().getHeaders().get("Authorization"));
    RecordedRequest moved = take(server);
    assertEquals("/api/Images/i-2/Content", moved.getTarget());
    assertEquals(BEARER, moved.getHeaders().get("Authorization"));
  }

  @Test
  void aRedirectToAnotherPortDropsTheJwt() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(redirectTo(other.url("/bucket/i-1.png")));
    other.enqueue(text("PNG"));

    try (ResponseBody content = images.content("i-1")) {
      assertEquals("PNG", content.string());
    }

    assertEquals(BEARER, takeSignedInCall().getHeaders().get("Authorization"));
    takeWithoutJwt(other, "/bucket/i-1.png");
  }

  @Test
  void aRedirectToAnotherHostDropsTheJwt() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(redirectTo(HttpUrl.get("http://other.test/bucket/i-1.png")));
    other.enqueue(text("PNG"));

    assertEquals("PNG", images.name("d-1"));

    assertEquals(BEARER, takeSignedInCall().getHeaders().get("Authorization"));
    takeWithoutJwt(other, "http://other.test/bucket/i-1.png"); // as the proxy for other.test
  }

  @Test
  void aRedirectFromHttpsToHttpDropsTheJwt(@TempDir java.nio.file.Path dir) throws Exception {
    SSLContext tls = selfSignedLocalhost(dir);
    MockWebServer secure = new MockWebServer();
    secure.useHttps(tls.getSocketFactory());
    secure.start();
    try {
      X509TrustManager trust = trustManager(dir);
      client.close();
      client =
          client(
              secure.url("/api").newBuilder().host("localhost").build(),
              new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(), trust));
      secure.enqueue(text(JWT));
      secure.enqueue(
          redirectTo(HttpUrl.get("http://localhost:" + other.getPort() + "/bucket/i-1.png")));
      other.enqueue(text("PNG"));

      assertEquals("PNG", client.api(ImagesApi.class).name("d-1"));

      assertTrue(take(secure).getTarget().endsWith("/Users/SignIn"));
      assertEquals(BEARER, take(secure).getHeaders().get("Authorization"));
      takeWithoutJwt(other, "/bucket/i-1.png");
    } finally {
      secure.close();
    }
  }

  @Test
  void a401FromWhereARedirectLedIsNotTheJwtsAndSignsNobodyInAgain() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(redirectTo(other.url("/bucket/i-1.png")));
    other.enqueue(status(401));

    assertThrows(UnauthorizedException.class, () -> images.name("d-1"));

    assertEquals(2, server.getRequestCount(), "one sign-in, one call: no second sign-in");
    assertEquals(1, other.getRequestCount());
  }

  @Test
  void aRedirectBackToTheOriginArrivesWithoutTheJwtAndItsA401SignsNobodyInAgain() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(redirectTo(other.url("/bounce")));
    other.enqueue(redirectTo(server.url("/api/Back")));
    server.enqueue(status(401));

    assertThrows(UnauthorizedException.class, () -> images.name("d-1"));

    assertEquals(BEARER, takeSignedInCall().getHeaders().get("Authorization"));
    takeWithoutJwt(other, "/bounce");
    takeWithoutJwt(server, "/api/Back");
    assertEquals(3, server.getRequestCount(), "no second sign-in");
  }

  // Retries follow the user's marking.

  @Test
  void anUnmarkedPostIsNotRetriedAfterA503() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(status(503));
    server.enqueue(new MockResponse.Builder().code(204).build()); // what a retry would get

    assertThrows(InternalServerException.class, () -> images.train("d-1"));

    assertEquals(2, server.getRequestCount(), "sign-in, then the POST once");
    assertEquals(List.of(), waitsMillis);
  }

  @Test
  void anIdempotentPostIsRetriedAfterA503() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(status(503, "Retry-After", "1"));
    server.enqueue(new MockResponse.Builder().code(204).build());

    assertNull(images.recount("d-1"));

    assertEquals(3, server.getRequestCount(), "sign-in, then the POST twice");
    assertEquals(List.of(1000L), waitsMillis, "the wait Retry-After asked, recorded");
    assertEquals(BEARER, takeSignedInCall().getHeaders().get("Authorization"));
    assertEquals(BEARER, take(server).getHeaders().get("Authorization"));
  }

  @Test
  void anIdempotentUploadOfAStreamIsNotSentTwice() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(status(503));
    server.enqueue(json(200, USER_JSON)); // what a second send would get
    UploadFile stream =
        UploadFile.of(new ByteArrayInputStream(new byte[] {1, 2, 3}), -1, "a.bin", "image/png");

    // The 503 itself, not a failure to read the stream a second time.
    assertThrows(InternalServerException.class, () -> images.uploadIdempotently("d-1", stream));

    assertEquals(2, server.getRequestCount(), "sign-in, then the upload once");
  }

  // Errors are the typed hierarchy.

  @Test
  void errorsAreTyped() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(status(404));
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "application/problem+json")
            .body(
                "{\"title\":\"Invalid dataset\",\"status\":400,\"errors\":{\"Name\":[\"Too long\"]}}")
            .build());

    NotFoundException notFound = assertThrows(NotFoundException.class, () -> images.name("d-1"));
    assertEquals("GET", notFound.method());
    BadRequestException bad =
        assertThrows(BadRequestException.class, () -> images.create(User.builder().build()));
    assertEquals("Invalid dataset", bad.problem().title());
    assertEquals(List.of("Too long"), bad.problem().errors().get("Name"));

    server.enqueue(status(404));
    ExecutionException async =
        assertThrows(
            ExecutionException.class, () -> images.ownerAsync("d-1").get(5, TimeUnit.SECONDS));
    assertInstanceOf(NotFoundException.class, async.getCause(), "the same type, async");
  }

  // Multipart: the user's field names, the file's name, streamed.

  @Test
  void anUploadFilePartHasTheUsersFieldNameTheFilenameAndIsStreamed() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));
    AtomicInteger closed = new AtomicInteger();
    InputStream pixels =
        new ByteArrayInputStream("PIXELS".getBytes(StandardCharsets.US_ASCII)) {
          @Override
          public void close() {
            closed.incrementAndGet();
          }
        };

    images.upload("d-1", UploadFile.of(pixels, -1, "cat.png", "image/png"), "a cat");

    RecordedRequest upload = takeSignedInCall();
    assertEquals(BEARER, upload.getHeaders().get("Authorization"));
    assertEquals("chunked", upload.getHeaders().get("Transfer-Encoding"), "streamed, not buffered");
    assertNull(upload.getHeaders().get("Content-Length"));
    String boundary = UploadShapesWireTest.boundary(upload);
    assertEquals(
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"image\"; filename=\"cat.png\"\r\n"
            + "Content-Type: image/png\r\n"
            + "\r\n"
            + "PIXELS\r\n"
            + UploadShapesWireTest.textPart(boundary, "caption", "a cat")
            + "--"
            + boundary
            + "--\r\n",
        upload.getBody().utf8());
    assertEquals(1, closed.get(), "the stream was read once, then closed");
  }

  // A self-signed certificate for localhost, made by the JDK's keytool.

  static SSLContext selfSignedLocalhost(java.nio.file.Path dir) throws Exception {
    java.nio.file.Path store = dir.resolve("localhost.p12");
    Process keytool =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "localhost",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), output);
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore(dir), "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), new javax.net.ssl.TrustManager[] {trustManager(dir)}, null);
    return context;
  }

  static KeyStore keyStore(java.nio.file.Path dir) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("localhost.p12"))) {
      store.load(in, "changeit".toCharArray());
    }
    return store;
  }

  static X509TrustManager trustManager(java.nio.file.Path dir) throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore(dir));
    return (X509TrustManager) trust.getTrustManagers()[0];
  }
}
