package com.onestepai.osai;

import com.onestepai.osai.internal.Uploads;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;

/**
 * A file to upload: the binary part of a {@code multipart/form-data} operation, streamed from a
 * file, a byte array or an {@code InputStream} as it goes on the wire, never read whole into memory
 * (a file larger than the heap uploads). The operation names the part as the spec does; the file
 * gives the part's filename and content type.
 *
 * <pre>{@code
 * UploadedImage image =
 *     client.images().uploadImage(datasetId, UploadFile.of(new File("cat.png")), categoryIds, null);
 * }</pre>
 *
 * <p>Immutable: {@link #withProgress} returns a new instance. One made from a {@code File} or a
 * byte array can be sent any number of times (a retry sends it again); one made from an {@code
 * InputStream} is sent once (it is never retried, and a second send fails), and the stream is
 * closed once read.
 *
 * <p>It is an OkHttp {@link RequestBody}, so that Retrofit sends it as it is; its methods besides
 * {@link #filename()} and {@link #withProgress} are OkHttp's.
 */
public final class UploadFile extends RequestBody {
  /** Told, on OkHttp's thread, how much of a file has been sent. */
  @FunctionalInterface
  public interface Progress {
    /**
     * Some more bytes went out.
     *
     * @param bytesSent the bytes sent so far, from 0 up to {@code totalBytes}
     * @param totalBytes the file's size, or -1 when unknown (an {@code InputStream} of unknown
     *     length)
     */
    void onProgress(long bytesSent, long totalBytes);
  }

  /** Opens the content once per send. */
  private interface Content {
    Source open() throws IOException;
  }

  /** What the content is read from, for the message when its size changed. */
  private enum Kind {
    FILE,
    BYTES,
    STREAM
  }

  static {
    Uploads.discarder(UploadFile::discard);
  }

  private static final int CHUNK = 8192;

  private final Content content;
  private final Kind kind;
  private final @Nullable InputStream stream; // a one-shot's stream, closed if never sent
  private final long contentLength;
  private final String filename;
  private final MediaType contentType;
  private final @Nullable AtomicBoolean sent; // non-null: one-shot
  private final @Nullable Progress progress;

  private UploadFile(
      Content content,
      Kind kind,
      @Nullable InputStream stream,
      long contentLength,
      String filename,
      MediaType contentType,
      @Nullable AtomicBoolean sent,
      @Nullable Progress progress) {
    this.content = content;
    this.kind = kind;
    this.stream = stream;
    this.contentLength = contentLength;
    this.filename = filename;
    this.contentType = contentType;
    this.sent = sent;
    this.progress = progress;
  }

  /**
   * A file on disk, read as it is sent. Its filename is the file's name; its content type is
   * guessed from that name ({@code image/png} for {@code cat.png}), {@code
   * application/octet-stream} when it cannot be.
   *
   * @throws IllegalArgumentException if the file does not exist or is not a regular file
   */
  public static UploadFile of(File file) {
    Objects.requireNonNull(file, "file");
    if (!file.isFile()) {
      throw new IllegalArgumentException("Not a file: " + file);
    }
    String guessed = URLConnection.guessContentTypeFromName(file.getName());
    return new UploadFile(
        () -> Okio.source(file),
        Kind.FILE,
        null,
        file.length(),
        file.getName(),
        MediaType.get(guessed == null ? "application/octet-stream" : guessed),
        null,
        null);
  }

  /**
   * Bytes in memory (not copied: do not change them until the call is over).
   *
   * @param contentType e.g. {@code image/png}
   * @throws IllegalArgumentException if {@code contentType} is not a media type
   */
  public static UploadFile of(byte[] content, String filename, String contentType) {
    Objects.requireNonNull(content, "content");
    return new UploadFile(
        () -> new Buffer().write(content),
        Kind.BYTES,
        null,
        content.length,
        Objects.requireNonNull(filename, "filename"),
        MediaType.get(Objects.requireNonNull(contentType, "contentType")),
        null,
        null);
  }

  /**
   * A stream, read as it is sent, then closed; closed too when the call fails before sending it
   * (sign-in refused, the client closed). Sent once: the call is not retried, not even after a 401
   * (it fails with {@link UnauthorizedException}, and the next call signs in again), and a second
   * call with this instance fails.
   *
   * @param contentLength the number of bytes the stream holds, or -1 when unknown (the upload is
   *     then sent chunked)
   * @param contentType e.g. {@code image/png}
   * @throws IllegalArgumentException if {@code contentType} is not a media type or {@code
   *     contentLength} is below -1
   */
  public static UploadFile of(
      InputStream in, long contentLength, String filename, String contentType) {
    Objects.requireNonNull(in, "in");
    if (contentLength < -1) {
      throw new IllegalArgumentException("contentLength < -1: " + contentLength);
    }
    return new UploadFile(
        () -> Okio.source(in),
        Kind.STREAM,
        in,
        contentLength,
        Objects.requireNonNull(filename, "filename"),
        MediaType.get(Objects.requireNonNull(contentType, "contentType")),
        new AtomicBoolean(),
        null);
  }

  /**
   * The same file, with {@code progress} told as its bytes go out (replacing any earlier one). For
   * a stream, this instance and the new one share the stream: send only one of them.
   */
  public UploadFile withProgress(Progress progress) {
    return new UploadFile(
        content,
        kind,
        stream,
        contentLength,
        filename,
        contentType,
        sent,
        Objects.requireNonNull(progress, "progress"));
  }

  /** The filename sent with the part. */
  public String filename() {
    return filename;
  }

  @Override
  public MediaType contentType() {
    return contentType;
  }

  /** The size in bytes, or -1 when unknown. */
  @Override
  public long contentLength() {
    return contentLength;
  }

  /** True for a stream: it can be read once. */
  @Override
  public boolean isOneShot() {
    return sent != null;
  }

  /**
   * Sends the content as it is read, telling {@link Progress} after each chunk. A progress callback
   * that throws fails the call with an {@link OsaiException} whose cause is its exception; content
   * that is not {@link #contentLength()} bytes long (a file that changed size since this was made,
   * a stream shorter or longer than its stated length) fails it with an {@link OsaiException}
   * saying so, before a byte too many is sent. Neither is retried.
   */
  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    if (sent != null && !sent.compareAndSet(false, true)) {
      throw new IOException(
          "This UploadFile reads an InputStream, which can be sent once: make a new one");
    }
    try (Source source = content.open()) {
      long total = 0;
      tell(0);
      while (true) {
        long want = contentLength < 0 ? CHUNK : Math.min(CHUNK, contentLength - total);
        if (want == 0) {
          if (source.read(new Buffer(), 1) != -1) {
            throw changedSize("more");
          }
          return;
        }
        long read = source.read(sink.getBuffer(), want);
        if (read == -1) {
          if (contentLength >= 0) {
            throw changedSize(String.valueOf(total));
          }
          return;
        }
        sink.emitCompleteSegments(); // the bytes go to the socket before they are counted
        total += read;
        tell(total);
      }
    }
  }

  private void tell(long bytesSent) throws IOException {
    if (progress == null) {
      return;
    }
    try {
      progress.onProgress(bytesSent, contentLength);
    } catch (RuntimeException e) {
      throw Uploads.failure(
          new OsaiException(
              "The progress callback of "
                  + this
                  + " threw "
                  + e.getClass().getName()
                  + ", so the upload was abandoned: see the cause.",
              e));
    }
  }

  private IOException changedSize(String now) {
    String message =
        kind == Kind.FILE
            ? filename
                + " changed size after its UploadFile was made: "
                + contentLength
                + " bytes then, "
                + (now.equals("more") ? "more" : now)
                + " now. Make a new UploadFile once the file is complete."
            : "The stream of "
                + this
                + " held "
                + (now.equals("more") ? "more" : now)
                + " bytes where its contentLength said "
                + contentLength
                + ": pass its true length, or -1 when unknown.";
    return Uploads.failure(new OsaiException(message));
  }

  /** Closes the stream of a one-shot file that will not be sent; sending it later fails. */
  private void discard() {
    if (stream != null && sent != null && sent.compareAndSet(false, true)) {
      try {
        stream.close();
      } catch (IOException ignored) {
        // nothing was read from it: nothing to tell anyone
      }
    }
  }

  /** The filename, content type and size; never the content. */
  @Override
  public String toString() {
    return "UploadFile{" + filename + ", " + contentType + ", " + contentLength + " bytes}";
  }
}
