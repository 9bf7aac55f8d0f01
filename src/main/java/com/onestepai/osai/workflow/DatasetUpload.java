package com.onestepai.osai.workflow;

import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.api.DatasetsApi;
import com.onestepai.osai.api.OsaiApis;
import com.onestepai.osai.internal.ClientStack;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An upload into a dataset, from {@code startUploading} to {@code finishUploading}, as a
 * try-with-resources block. Starting an upload locks the dataset, and a dataset whose upload is
 * never finished stays locked until the server gives up on it; {@link #close()} finishes the upload
 * whatever happened in the block:
 *
 * <pre>{@code
 * try (DatasetUpload upload = DatasetUpload.start(client, datasetId)) {  // POST .../StartUploading
 *   String uploadId = upload.id();
 *   // ... send images ...
 * }                                                                    // POST .../FinishUploading
 * }</pre>
 *
 * <ul>
 *   <li>The finish is sent once: after the block completes, after it throws (a failure of the
 *       finish is then added to the block's exception as suppressed, as try-with-resources does),
 *       and after the thread was interrupted (the finish does not run on the caller's thread, so an
 *       interrupt cannot stop it; the thread's interrupt flag is kept).
 *   <li>{@link #close()} is idempotent and thread-safe: a second call, from any thread, waits for
 *       the first one's finish and returns; only the first call throws its failure.
 *   <li>If the start fails, there is no upload to finish: {@link #start} throws and nothing else is
 *       sent.
 *   <li>Nothing waits past the client's {@code timeout}: the finish is an ordinary call of the
 *       client, with its retries ({@code finishUploading} is marked idempotent in the spec) and its
 *       deadline.
 *   <li>Closing the client inside the block (a shutdown hook, say) does not stop the finish: an
 *       open upload holds the client's machinery until its finish is over. Other calls are refused
 *       after {@link OsaiClient#close()}, as always; the client's threads and connections are
 *       released once the last open upload is finished (an upload never closed leaves them to
 *       OkHttp's idle timeouts).
 *   <li>It takes the {@link OsaiApis} it calls {@code startUploading} and {@code finishUploading}
 *       through, which {@link OsaiClient} implements: code that opens an upload can be unit-tested
 *       with a fake whose {@code api(DatasetsApi.class)} returns a fake {@link DatasetsApi} (the
 *       holding above is the client's; a fake's calls are simply made).
 *   <li>{@link #startAsync}: a start the caller gave up on (by cancelling the future, {@code
 *       orTimeout}, or completing it) is not abandoned half-way, since the server may have locked
 *       the dataset already: it runs to its own end, and if it succeeds the SDK finishes it.
 * </ul>
 */
public final class DatasetUpload implements AutoCloseable {
  private final Runnable release; // of the client's hold, if any
  private final DatasetsApi finishing; // for a client: served even after its close()
  private final String datasetId;
  private final String id;
  private final AtomicReference<CompletableFuture<Void>> finish = new AtomicReference<>();

  private DatasetUpload(Held held, String datasetId, String id) {
    this.release = held.release;
    this.finishing = held.finishing;
    this.datasetId = datasetId;
    this.id = id;
  }

  /**
   * Starts an upload into {@code datasetId} ({@code POST /Datasets/{datasetId}/StartUploading}),
   * which locks the dataset until {@link #close()}.
   *
   * @throws com.onestepai.osai.OsaiException if the upload could not start; nothing is locked then
   * @param apis the client (or a fake of {@link OsaiApis}, in a test)
   * @throws IllegalStateException if the client is closed
   */
  public static DatasetUpload start(OsaiApis apis, String datasetId) {
    Held held = Held.of(apis);
    try {
      return new DatasetUpload(held, datasetId, apis.datasets().startUploading(datasetId));
    } catch (RuntimeException | Error e) {
      held.release.run();
      throw e;
    }
  }

  /**
   * {@link #start} without blocking: completes with the upload, or with the exception that says why
   * it could not start. Finish it with {@link #finishAsync()} (or {@link #close()}).
   *
   * <p>Cancelling the returned future (or its {@code orTimeout}) stops the wait, not the start: a
   * start already sent may have locked the dataset, and cancelling it would leave no id to unlock
   * it with. The start runs to its own end (the client's {@code timeout} bounds it); if it
   * succeeds, the SDK sends its finish.
   *
   * @param apis the client (or a fake of {@link OsaiApis}, in a test)
   * @throws IllegalStateException if the client is closed
   */
  public static CompletableFuture<DatasetUpload> startAsync(OsaiApis apis, String datasetId) {
    Held held = Held.of(apis);
    CompletableFuture<String> start;
    try {
      start = apis.datasets().startUploadingAsync(datasetId);
    } catch (RuntimeException | Error e) {
      held.release.run();
      throw e;
    }
    CompletableFuture<DatasetUpload> upload = new CompletableFuture<>();
    start.whenComplete(
        (id, failure) -> {
          if (failure != null) {
            held.release.run();
            upload.completeExceptionally(failure);
            return;
          }
          DatasetUpload started = new DatasetUpload(held, datasetId, id);
          if (!upload.complete(started)) {
            started.finishAsync(); // the caller gave up: no one else will finish it
          }
        });
    return upload;
  }

  /** The upload's id, as {@code startUploading} returned it (the {@code datasetUploadId}). */
  public String id() {
    return id;
  }

  /** The dataset this upload locks. */
  public String datasetId() {
    return datasetId;
  }

  /**
   * Finishes the upload ({@code POST /Datasets/{datasetId}/FinishUploading}) without blocking; the
   * first call sends it, every call returns the same future. Cancelling the future does not stop
   * the finish.
   */
  public CompletableFuture<Void> finishAsync() {
    sendFinish();
    return finish.get();
  }

  /** Sends the finish unless it was sent already; true if this call sent it. */
  private boolean sendFinish() {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    if (!finish.compareAndSet(null, mine)) {
      return false;
    }
    try {
      finishing
          .finishUploadingAsync(datasetId, id)
          .whenComplete(
              (ignored, failure) -> {
                release.run();
                if (failure != null) {
                  mine.completeExceptionally(failure);
                } else {
                  mine.complete(null);
                }
              });
    } catch (RuntimeException | Error e) { // the request could not be built: nothing was sent
      release.run();
      mine.completeExceptionally(e);
    }
    return true;
  }

  /**
   * Finishes the upload and waits for the answer, uninterruptibly (an interrupt is kept for the
   * caller). Only the first call sends the finish and throws its failure; later calls wait for it
   * and return.
   *
   * @throws com.onestepai.osai.OsaiException if the server refused the finish or did not answer
   */
  @Override
  public void close() {
    boolean first = sendFinish();
    CompletableFuture<Void> done = finish.get();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (!first) {
            return;
          }
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * What finishes an upload: for an {@link OsaiClient}, a hold on its machinery (so that closing
   * the client does not stop the finish) and the held {@code DatasetsApi}; for anything else, its
   * own {@code DatasetsApi}, and nothing to release.
   */
  private static final class Held {
    final DatasetsApi finishing;
    final Runnable release;

    private Held(DatasetsApi finishing, Runnable release) {
      this.finishing = finishing;
      this.release = release;
    }

    static Held of(OsaiApis apis) {
      Objects.requireNonNull(apis, "apis == null");
      if (apis instanceof OsaiClient) {
        ClientStack.Hold hold = ClientStack.of((OsaiClient) apis).hold();
        return new Held(hold.api(DatasetsApi.class), hold::release);
      }
      return new Held(apis.datasets(), () -> {});
    }
  }

  /** Names the dataset and the upload: neither is a secret. */
  @Override
  public String toString() {
    return "DatasetUpload{dataset=" + datasetId + ", upload=" + id + "}";
  }
}
