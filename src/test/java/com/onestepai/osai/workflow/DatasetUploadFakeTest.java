package com.onestepai.osai.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.onestepai.osai.api.DatasetsApi;
import com.onestepai.osai.api.OsaiApis;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Code that opens an upload can be unit-tested without a client or a server: {@link DatasetUpload}
 * takes the {@link OsaiApis} it calls through, and a fake of it is all a test needs. The fake
 * {@link DatasetsApi} here is a dynamic proxy, so it needs no change when the spec adds an
 * operation to the tag.
 */
class DatasetUploadFakeTest {
  final List<String> calls = new CopyOnWriteArrayList<>();
  volatile RuntimeException startFails;

  final DatasetsApi datasets =
      (DatasetsApi)
          Proxy.newProxyInstance(
              DatasetsApi.class.getClassLoader(),
              new Class<?>[] {DatasetsApi.class},
              (proxy, method, args) -> {
                calls.add(method.getName() + List.of(args == null ? new Object[0] : args));
                switch (method.getName()) {
                  case "startUploading":
                    if (startFails != null) {
                      throw startFails;
                    }
                    return "u-fake";
                  case "startUploadingAsync":
                    return startFails != null
                        ? failed(startFails)
                        : CompletableFuture.completedFuture("u-fake");
                  case "finishUploadingAsync":
                    return CompletableFuture.completedFuture(null);
                  default:
                    throw new UnsupportedOperationException(method.getName());
                }
              });

  /** What a caller's own test would write: the client replaced by a fake. */
  final OsaiApis fake =
      new OsaiApis() {
        @Override
        public <T> T api(Class<T> service) {
          return service.cast(datasets);
        }
      };

  static <T> CompletableFuture<T> failed(Throwable failure) {
    CompletableFuture<T> future = new CompletableFuture<>();
    future.completeExceptionally(failure);
    return future;
  }

  @Test
  void aFakeClientStartsAndFinishesTheUpload() {
    try (DatasetUpload upload = DatasetUpload.start(fake, "d-1")) {
      assertEquals("u-fake", upload.id());
      assertEquals("d-1", upload.datasetId());
      assertEquals(List.of("startUploading[d-1]"), calls);
    }
    assertEquals(List.of("startUploading[d-1]", "finishUploadingAsync[d-1, u-fake]"), calls);
  }

  @Test
  void aStartTheFakeRefusesFinishesNothing() {
    startFails = new IllegalArgumentException("refused by the fake");

    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> DatasetUpload.start(fake, "d-1"));

    assertSame(startFails, thrown);
    assertEquals(List.of("startUploading[d-1]"), calls);
  }

  @Test
  void theAsyncFormWorksOnAFakeToo() throws Exception {
    DatasetUpload upload = DatasetUpload.startAsync(fake, "d-2").get(5, TimeUnit.SECONDS);
    upload.finishAsync().get(5, TimeUnit.SECONDS);
    upload.close(); // the finish was sent: not again

    assertEquals(List.of("startUploadingAsync[d-2]", "finishUploadingAsync[d-2, u-fake]"), calls);
  }

  @Test
  void noApisIsRefusedByName() {
    NullPointerException thrown =
        assertThrows(NullPointerException.class, () -> DatasetUpload.start(null, "d-1"));
    assertEquals("apis == null", thrown.getMessage());
  }
}
