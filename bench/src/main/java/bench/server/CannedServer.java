package bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A tiny HTTP/1.1 keep-alive server on loopback with canned answers, fast enough not to be the
 * bottleneck: one platform thread per connection, one reusable byte buffer per connection, no
 * String made per request on the hot path (GET /api/Users), one write per response.
 *
 * <ul>
 *   <li>POST /api/Users/SignIn with body {@code "bench-access-token"} (a JSON string) -> 200 text/plain JWT (+Date)
 *   <li>GET /api/Users with {@code Authorization: Bearer <JWT>} -> 200 application/json user
 *   <li>GET /api/Users with any other Authorization, or a wrong sign-in body -> 401
 *   <li>POST /api/Bench/Upload, a {@code multipart/form-data} body of one file part with a
 *       Content-Length, with the Bearer JWT -> 200 {@code {"size":B,"fileBytes":F,"filename":N}}:
 *       the body is read as it comes and discarded; F is the body less the first part's boundary
 *       and headers and the closing boundary: the file's size in a body of one part, as the
 *       transfer benchmarks send (-1 when the body does not open and close with the boundary)
 *   <li>GET /api/Bench/Download?size=N with the Bearer JWT -> 200 application/octet-stream, N bytes
 *       streamed from one 64 KiB pattern (never held whole)
 *   <li>an upload without Content-Length (chunked) -> 411 and the connection closed
 *   <li>anything else -> 404
 * </ul>
 *
 * Counts every kind of answer. Loopback only.
 */
public final class CannedServer implements AutoCloseable {
  public static final String ACCESS_TOKEN = "bench-access-token";
  public static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJHdWlkLUd1aWQtR3VpZC1HdWlkIiwiaWF0IjoxNzY3MjI1NjAwLCJleHAiOjQxMDI0NDQ4MDB9.ZXhhbXBsZS1zaWduYXR1cmU";
  public static final String USER_JSON =
      "{\"id\":\"Guid-Guid-Guid-Guid\",\"userName\":\"OneStep AI\",\"name\":\"OneStep\","
          + "\"surname\":\"AI\",\"email\":\"onestepai@email.com\",\"picture\":\"Link-To-Picture\","
          + "\"bucket\":\"s3\",\"colorMode\":1,\"enableTutorial\":false}";

  private static final byte[] USERS_PATH = ascii("/api/Users");
  private static final byte[] SIGN_IN_PATH = ascii("/api/Users/SignIn");
  private static final byte[] UPLOAD_PATH = ascii("/api/Bench/Upload");
  private static final byte[] DOWNLOAD_PATH = ascii("/api/Bench/Download");
  private static final byte[] SIZE_PARAM = ascii("size=");
  private static final byte[] GET = ascii("GET");
  private static final byte[] POST = ascii("POST");
  private static final byte[] H_CONTENT_LENGTH = ascii("content-length");
  private static final byte[] H_AUTHORIZATION = ascii("authorization");
  private static final byte[] H_CONNECTION = ascii("connection");
  private static final byte[] H_CONTENT_TYPE = ascii("content-type");
  private static final byte[] H_TRANSFER_ENCODING = ascii("transfer-encoding");
  private static final byte[] CLOSE = ascii("close");
  private static final byte[] EXPECTED_AUTH = ascii("Bearer " + JWT);
  private static final byte[] EXPECTED_SIGN_IN_BODY = ascii("\"" + ACCESS_TOKEN + "\"");

  private static final byte[] USERS_200 =
      response("200 OK", "application/json", USER_JSON.getBytes(StandardCharsets.UTF_8), "");
  private static final byte[] UNAUTHORIZED_401 = response("401 Unauthorized", null, new byte[0], "");
  private static final byte[] NOT_FOUND_404 = response("404 Not Found", null, new byte[0], "");
  private static final byte[] BAD_REQUEST_400 =
      response("400 Bad Request", null, new byte[0], "Connection: close\r\n");
  private static final byte[] UNAUTHORIZED_401_CLOSE =
      response("401 Unauthorized", null, new byte[0], "Connection: close\r\n");
  private static final byte[] LENGTH_REQUIRED_411 =
      response("411 Length Required", null, new byte[0], "Connection: close\r\n");
  /** What a download sends, over and over. */
  private static final byte[] DOWNLOAD_PATTERN = new byte[64 * 1024];

  static {
    for (int i = 0; i < DOWNLOAD_PATTERN.length; i++) {
      DOWNLOAD_PATTERN[i] = (byte) (i * 31 + (i >>> 8));
    }
  }

  public final LongAdder signIns = new LongAdder();
  public final LongAdder users = new LongAdder();
  public final LongAdder unauthorized = new LongAdder();
  public final LongAdder notFound = new LongAdder();
  public final LongAdder connections = new LongAdder();
  public final LongAdder uploads = new LongAdder();
  public final LongAdder uploadBodyBytes = new LongAdder();
  public final LongAdder downloads = new LongAdder();
  public final LongAdder downloadBytes = new LongAdder();

  /** Delay before answering a sign-in: makes concurrent cold starts overlap (sign-in tests). */
  public volatile long signInDelayMillis;

  private final ServerSocket serverSocket;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
  private final LongAdder finishedHandlerBytes = new LongAdder();
  private volatile boolean closed;

  private CannedServer(int port) throws IOException {
    serverSocket = new ServerSocket();
    serverSocket.setReuseAddress(true);
    serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    acceptor = new Thread(this::acceptLoop, "canned-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server on 127.0.0.1:{@code port} (0: any free port). */
  public static CannedServer start(int port) throws IOException {
    return new CannedServer(port);
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT/api} */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/api";
  }

  public String stats() {
    return String.format(
        "signIns=%d users=%d unauthorized=%d notFound=%d connections=%d serverAllocBytes=%d"
            + " uploads=%d uploadBodyBytes=%d downloads=%d downloadBytes=%d",
        signIns.sum(),
        users.sum(),
        unauthorized.sum(),
        notFound.sum(),
        connections.sum(),
        allocatedBytes(),
        uploads.sum(),
        uploadBodyBytes.sum(),
        downloads.sum(),
        downloadBytes.sum());
  }

  /**
   * Appends {@code label + stats()} to results/server-stats.log when a results/ directory exists in
   * the working directory (JMH forks run in the bench directory), and fails if any request was
   * refused: a contender that sent a wrong JWT or hit a wrong path must not pass as fast.
   */
  public void recordAndCheck(String label) {
    long requests = signIns.sum() + users.sum();
    String line = String.format("%s %s serverAllocBytesPerRequest=%.1f%n", label, stats(),
        requests == 0 ? 0.0 : allocatedBytes() / (double) requests);
    System.out.print("[server] " + line);
    Path dir = Path.of("results");
    if (Files.isDirectory(dir)) {
      try {
        Files.writeString(dir.resolve("server-stats.log"), line,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        System.err.println("cannot write server-stats.log: " + e);
      }
    }
    if (unauthorized.sum() != 0 || notFound.sum() != 0) {
      throw new IllegalStateException("server refused requests: " + stats());
    }
  }

  /** Bytes allocated by the handler threads so far (a check that the server allocates ~0/req). */
  public long allocatedBytes() {
    long sum = finishedHandlerBytes.sum();
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean) {
      com.sun.management.ThreadMXBean mx =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      for (Thread t : handlers) {
        long b = mx.getThreadAllocatedBytes(t.getId());
        if (b > 0) {
          sum += b;
        }
      }
    }
    return sum;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      connections.increment();
      open.add(socket);
      Thread t = new Thread(() -> serve(socket), "canned-server-conn");
      t.setDaemon(true);
      handlers.add(t);
      t.start();
    }
  }

  private void serve(Socket socket) {
    try (Socket s = socket) {
      s.setTcpNoDelay(true);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      byte[] buf = new byte[16 * 1024];
      byte[] uploadBuf = null; // made at a connection's first upload
      int start = 0;
      int end = 0;
      while (!closed) {
        // Find the end of the headers, reading more as needed.
        int headerEnd;
        while ((headerEnd = indexOfCrlfCrlf(buf, start, end)) < 0) {
          if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
          }
          if (end == buf.length) {
            out.write(BAD_REQUEST_400);
            return;
          }
          int n = in.read(buf, end, buf.length - end);
          if (n < 0) {
            return;
          }
          end += n;
        }
        // Request line: METHOD SP PATH SP VERSION CRLF
        int lineEnd = indexOfCrlf(buf, start, headerEnd + 2);
        int sp1 = indexOf(buf, (byte) ' ', start, lineEnd);
        int sp2 = sp1 < 0 ? -1 : indexOf(buf, (byte) ' ', sp1 + 1, lineEnd);
        if (sp2 < 0) {
          out.write(BAD_REQUEST_400);
          return;
        }
        int pathEnd = indexOf(buf, (byte) '?', sp1 + 1, sp2);
        if (pathEnd < 0) {
          pathEnd = sp2;
        }
        boolean isGet = equalsRange(buf, start, sp1, GET);
        boolean isPost = equalsRange(buf, start, sp1, POST);
        boolean usersPath = equalsRange(buf, sp1 + 1, pathEnd, USERS_PATH);
        boolean signInPath = equalsRange(buf, sp1 + 1, pathEnd, SIGN_IN_PATH);
        boolean uploadPath = equalsRange(buf, sp1 + 1, pathEnd, UPLOAD_PATH);
        boolean downloadPath = equalsRange(buf, sp1 + 1, pathEnd, DOWNLOAD_PATH);

        // Headers.
        long contentLength = 0;
        boolean authOk = false;
        boolean close = false;
        boolean chunked = false;
        String contentType = null;
        int line = lineEnd + 2;
        while (line < headerEnd + 2) {
          int le = indexOfCrlf(buf, line, headerEnd + 2);
          if (le == line) {
            break;
          }
          int colon = indexOf(buf, (byte) ':', line, le);
          if (colon > 0) {
            int v = colon + 1;
            while (v < le && (buf[v] == ' ' || buf[v] == '\t')) {
              v++;
            }
            int ve = le;
            while (ve > v && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) {
              ve--;
            }
            if (equalsIgnoreCaseRange(buf, line, colon, H_CONTENT_LENGTH)) {
              contentLength = parseLong(buf, v, ve);
            } else if (equalsIgnoreCaseRange(buf, line, colon, H_AUTHORIZATION)) {
              authOk = equalsRange(buf, v, ve, EXPECTED_AUTH);
            } else if (equalsIgnoreCaseRange(buf, line, colon, H_CONNECTION)) {
              close = equalsIgnoreCaseRange(buf, v, ve, CLOSE);
            } else if (uploadPath && equalsIgnoreCaseRange(buf, line, colon, H_CONTENT_TYPE)) {
              contentType = new String(buf, v, ve - v, StandardCharsets.US_ASCII);
            } else if (equalsIgnoreCaseRange(buf, line, colon, H_TRANSFER_ENCODING)) {
              chunked = true; // any transfer coding: this server reads Content-Length bodies only
            }
          }
          line = le + 2;
        }
        if (isPost && uploadPath) {
          if (!authOk) {
            unauthorized.increment();
            out.write(UNAUTHORIZED_401_CLOSE);
            return;
          }
          if (chunked || contentLength < 0) {
            out.write(LENGTH_REQUIRED_411);
            return;
          }
          // Stream the body through: what is already in buf, then the socket, never all of it.
          start = headerEnd + 4;
          Multipart upload = new Multipart(contentType);
          int fromBuf = (int) Math.min(contentLength, end - start);
          upload.accept(buf, start, fromBuf);
          start += fromBuf;
          if (start == end) {
            start = 0;
            end = 0;
          }
          if (uploadBuf == null) {
            uploadBuf = new byte[64 * 1024];
          }
          for (long left = contentLength - fromBuf; left > 0; ) {
            int n = in.read(uploadBuf, 0, (int) Math.min(uploadBuf.length, left));
            if (n < 0) {
              return;
            }
            upload.accept(uploadBuf, 0, n);
            left -= n;
          }
          uploads.increment();
          uploadBodyBytes.add(contentLength);
          out.write(response("200 OK", "application/json", upload.answer(), ""));
          out.flush();
          if (close) {
            return;
          }
          continue;
        }
        if (contentLength < 0 || contentLength > buf.length) {
          out.write(BAD_REQUEST_400);
          return;
        }
        start = headerEnd + 4;
        // Body: make it contiguous in buf.
        if (end - start < contentLength) {
          if (start + contentLength > buf.length) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
          }
          while (end - start < contentLength) {
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
              return;
            }
            end += n;
          }
        }
        int bodyStart = start;
        int bodyEnd = (int) (start + contentLength);
        start = bodyEnd;
        if (start == end) {
          start = 0;
          end = 0;
        }

        byte[] answer;
        long downloadSize =
            isGet && downloadPath && pathEnd < sp2 && startsWith(buf, pathEnd + 1, sp2, SIZE_PARAM)
                ? parseLong(buf, pathEnd + 1 + SIZE_PARAM.length, sp2)
                : -1;
        if (isGet && downloadPath && authOk && downloadSize >= 0) {
          downloads.increment();
          out.write(
              ascii("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                  + downloadSize + "\r\n\r\n"));
          for (long left = downloadSize; left > 0; ) {
            int n = (int) Math.min(DOWNLOAD_PATTERN.length, left);
            out.write(DOWNLOAD_PATTERN, 0, n);
            left -= n;
            downloadBytes.add(n);
          }
          out.flush();
          if (close) {
            return;
          }
          continue;
        }
        if (isGet && downloadPath) {
          // Without the JWT, or without a size=N query.
          if (authOk) {
            notFound.increment();
            answer = NOT_FOUND_404;
          } else {
            unauthorized.increment();
            answer = UNAUTHORIZED_401;
          }
        } else if (isGet && usersPath) {
          if (authOk) {
            users.increment();
            answer = USERS_200;
          } else {
            unauthorized.increment();
            answer = UNAUTHORIZED_401;
          }
        } else if (isPost && signInPath) {
          if (equalsRange(buf, bodyStart, bodyEnd, EXPECTED_SIGN_IN_BODY)) {
            signIns.increment();
            long delay = signInDelayMillis;
            if (delay > 0) {
              Thread.sleep(delay);
            }
            answer = signInAnswer();
          } else {
            unauthorized.increment();
            answer = UNAUTHORIZED_401;
          }
        } else {
          notFound.increment();
          answer = NOT_FOUND_404;
        }
        out.write(answer);
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (SocketException e) {
      // peer closed or server closing
    } catch (IOException e) {
      // peer went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
      Thread me = Thread.currentThread();
      if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean) {
        finishedHandlerBytes.add(
            ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(me.getId()));
      }
      handlers.remove(me);
    }
  }

  private static byte[] signInAnswer() {
    // RFC 9110's IMF-fixdate, as real servers (Kestrel among them) send it: a two-digit day.
    // (RFC_1123_DATE_TIME writes "Mon, 7 Dec", which sent the SDK to its slower fallback parser
    // and its locale classes on days 1-9 of every month.)
    String date =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ROOT)
            .format(ZonedDateTime.now(ZoneOffset.UTC));
    return response(
        "200 OK", "text/plain; charset=utf-8", JWT.getBytes(StandardCharsets.UTF_8),
        "Date: " + date + "\r\n");
  }

  private static byte[] response(String status, String contentType, byte[] body, String extra) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n").append(extra).append("\r\n");
    byte[] h = ascii(head.toString());
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  /**
   * Counts a multipart body as it streams by, keeping its first KiB (the boundary and the file
   * part's headers) and its last 256 bytes (the closing boundary): enough to find the file's bytes
   * and its filename in a body of one part. A second part is not looked for: it would count as the
   * first part's bytes, which the contenders check against the file's size.
   */
  private static final class Multipart {
    private final String boundary;
    private final byte[] head = new byte[1024];
    private final byte[] tail = new byte[256];
    private int headSize;
    private int tailSize;
    private long size;

    Multipart(String contentType) {
      int at = contentType == null ? -1 : contentType.indexOf("boundary=");
      String b = at < 0 ? "" : contentType.substring(at + 9).split(";")[0].trim();
      boolean quoted = b.length() > 1 && b.startsWith("\"") && b.endsWith("\"");
      this.boundary = quoted ? b.substring(1, b.length() - 1) : b;
    }

    void accept(byte[] b, int off, int len) {
      size += len;
      int h = Math.min(len, head.length - headSize);
      System.arraycopy(b, off, head, headSize, h);
      headSize += h;
      if (len >= tail.length) {
        System.arraycopy(b, off + len - tail.length, tail, 0, tail.length);
        tailSize = tail.length;
      } else {
        int keep = Math.min(tailSize, tail.length - len);
        System.arraycopy(tail, tailSize - keep, tail, 0, keep);
        System.arraycopy(b, off, tail, keep, len);
        tailSize = keep + len;
      }
    }

    /** {@code {"size":BODY,"fileBytes":F,"filename":"NAME"}} */
    byte[] answer() {
      String headText = new String(head, 0, headSize, StandardCharsets.ISO_8859_1);
      String tailText = new String(tail, 0, tailSize, StandardCharsets.ISO_8859_1);
      String opening = "--" + boundary + "\r\n";
      String closing = "\r\n--" + boundary + "--\r\n";
      int headersEnd = headText.indexOf("\r\n\r\n");
      int name = headText.indexOf("filename=\"");
      String filename = "";
      if (name >= 0 && name < headersEnd) {
        int from = name + "filename=\"".length();
        int to = headText.indexOf('"', from);
        filename = headText.substring(from, to < 0 ? headText.length() : to);
      }
      boolean framed =
          !boundary.isEmpty()
              && headText.startsWith(opening)
              && headersEnd >= 0
              && tailText.endsWith(closing);
      long fileBytes = framed ? size - (headersEnd + 4) - closing.length() : -1;
      return ascii("{\"size\":" + size + ",\"fileBytes\":" + fileBytes + ",\"filename\":\""
          + filename.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
  }

  private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
    return to - from >= prefix.length && equalsRange(b, from, from + prefix.length, prefix);
  }

  private static int indexOfCrlfCrlf(byte[] b, int from, int to) {
    for (int i = from; i + 3 < to; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfCrlf(byte[] b, int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    return to;
  }

  private static int indexOf(byte[] b, byte c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean equalsRange(byte[] b, int from, int to, byte[] expected) {
    if (to - from != expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (b[from + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalsIgnoreCaseRange(byte[] b, int from, int to, byte[] lower) {
    if (to - from != lower.length) {
      return false;
    }
    for (int i = 0; i < lower.length; i++) {
      int c = b[from + i];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lower[i]) {
        return false;
      }
    }
    return true;
  }

  private static long parseLong(byte[] b, int from, int to) {
    if (from == to) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9 || v > Integer.MAX_VALUE) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Standalone: {@code CannedServer [--port N] [--port-file PATH] [--max-seconds S]}. Prints the
   * port, writes it to the port file, serves until killed or for at most S seconds (default 900),
   * then prints its counters.
   */
  public static void main(String[] args) throws Exception {
    int port = 0;
    Path portFile = null;
    long maxSeconds = 900;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port":
          port = Integer.parseInt(args[++i]);
          break;
        case "--port-file":
          portFile = Path.of(args[++i]);
          break;
        case "--max-seconds":
          maxSeconds = Long.parseLong(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    CannedServer server = start(port);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> System.out.println("canned server stopping: " + server.stats())));
    System.out.println("canned server on " + server.baseUrl());
    if (portFile != null) {
      Path tmp = Path.of(portFile + ".tmp");
      Files.writeString(tmp, Integer.toString(server.port()));
      Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    Thread.sleep(maxSeconds * 1000);
    server.close();
    System.exit(0);
  }
}
