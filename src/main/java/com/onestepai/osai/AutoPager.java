package com.onestepai.osai;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a paged list operation, page after page: what the {@code ...AutoPager} method
 * generated beside an operation marked {@code x-osai-pagination} returns (README: Growing the API).
 *
 * <p>Pages are fetched lazily, one call each, as iteration reaches them: {@link #iterator()} (a
 * for-each loop), {@link #stream()}, or {@link #forEachAsync} without blocking. Each iteration
 * starts again from the first page it was given. A page's call throws what the page method throws
 * (the typed {@link OsaiException}s), from {@code hasNext()}.
 *
 * <p>Where the list ends is read from each page as it comes, so a server that changes its count
 * between pages is followed:
 *
 * <ul>
 *   <li>{@code pageNumber} style ({@code {items, pageNumber, totalPages, hasNextPage}}): the next
 *       page is the page's {@code pageNumber} (else the one asked for, else 1) plus one; the list
 *       ends at a page whose {@code hasNextPage} is {@code false}, else whose number reaches its
 *       {@code totalPages}, or at an empty page.
 *   <li>{@code skipTake} style ({@code {items, totalCount}}): the next {@code skip} is this one
 *       plus the items received; the list ends when that reaches the page's {@code totalCount}, or
 *       at an empty page.
 * </ul>
 *
 * @param <T> the type of the items
 */
public final class AutoPager<T> implements Iterable<T> {
  private final Pager<?, T> pager;

  private AutoPager(Pager<?, T> pager) {
    this.pager = pager;
  }

  /**
   * For generated code: the auto-pager of {@code operation}.
   *
   * @param operation the operation's name, for messages
   * @param style {@code pageNumber} or {@code skipTake}, from {@code x-osai-pagination}
   * @param start the page number or skip the caller asked for first, or {@code null} for the
   *     server's first page
   * @param fetch calls the page method with a page number or skip ({@code null}: the server's
   *     default)
   * @param fetchAsync the same, with the asynchronous form
   * @param items the items of a page
   * @throws IllegalArgumentException if {@code style} is neither
   */
  public static <P, T> AutoPager<T> of(
      String operation,
      String style,
      @Nullable Number start,
      Function<@Nullable Long, P> fetch,
      Function<@Nullable Long, CompletableFuture<P>> fetchAsync,
      Function<P, @Nullable List<T>> items) {
    boolean pageNumber;
    if ("pageNumber".equals(style)) {
      pageNumber = true;
    } else if ("skipTake".equals(style)) {
      pageNumber = false;
    } else {
      throw new IllegalArgumentException(
          "x-osai-pagination of "
              + operation
              + " has style '"
              + style
              + "': use pageNumber ({items, pageNumber, totalPages, hasNextPage}) or skipTake"
              + " ({items, totalCount})");
    }
    return new AutoPager<>(
        new Pager<>(
            operation,
            pageNumber,
            start == null ? null : start.longValue(),
            fetch,
            fetchAsync,
            items));
  }

  /** The items, fetching each page when iteration reaches it. */
  @Override
  public Iterator<T> iterator() {
    return pager.new Items();
  }

  /** The items as a sequential stream, fetching each page when the stream reaches it. */
  public Stream<T> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  /**
   * Gives each item to {@code action}, without blocking: a page is asked for with the asynchronous
   * form once {@code action} has taken the items of the one before.
   *
   * @return a future that completes when the last page is done, or exceptionally with the exception
   *     of the page call that failed or of {@code action}. Cancelling it fetches no further page
   *     and cancels the call under way.
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    pager.fetchAsync(pager.start, action, done);
    return done;
  }

  @Override
  public String toString() {
    return "AutoPager(" + pager.operation + ")";
  }

  /** One page read: its items, where the next one starts, and whether it is the last. */
  private static final class Step<T> {
    final List<T> items;
    final long next;
    final boolean last;

    Step(List<T> items, long next, boolean last) {
      this.items = items;
      this.next = next;
      this.last = last;
    }
  }

  private static final class Pager<P, T> {
    final String operation;
    final boolean pageNumber;
    final @Nullable Long start;
    final Function<@Nullable Long, P> fetch;
    final Function<@Nullable Long, CompletableFuture<P>> fetchAsync;
    final Function<P, @Nullable List<T>> items;

    Pager(
        String operation,
        boolean pageNumber,
        @Nullable Long start,
        Function<@Nullable Long, P> fetch,
        Function<@Nullable Long, CompletableFuture<P>> fetchAsync,
        Function<P, @Nullable List<T>> items) {
      this.operation = operation;
      this.pageNumber = pageNumber;
      this.start = start;
      this.fetch = fetch;
      this.fetchAsync = fetchAsync;
      this.items = items;
    }

    Step<T> step(P page, @Nullable Long asked) {
      List<T> list = items.apply(page);
      if (list == null) {
        list = Collections.emptyList();
      }
      Map<?, ?> meta = metadata(page);
      if (pageNumber) {
        long number = longOr(meta.get("pageNumber"), asked == null ? 1 : asked);
        Object hasNext = meta.get("hasNextPage");
        Object total = meta.get("totalPages");
        boolean last =
            list.isEmpty()
                || (hasNext instanceof Boolean
                    ? !(Boolean) hasNext
                    : total instanceof Number && number >= ((Number) total).longValue());
        return new Step<>(list, number + 1, last);
      }
      long next = (asked == null ? 0 : asked) + list.size();
      Object total = meta.get("totalCount");
      boolean last =
          list.isEmpty() || (total instanceof Number && next >= ((Number) total).longValue());
      return new Step<>(list, next, last);
    }

    /** The page's properties as the SDK writes them: its paging numbers, whatever their type. */
    @SuppressWarnings("unchecked")
    private Map<?, ?> metadata(P page) {
      try {
        JsonAdapter<Object> adapter = (JsonAdapter<Object>) OsaiJson.adapter(page.getClass());
        Object value = OsaiJson.adapter(Object.class).fromJson(adapter.toJson(page));
        return value instanceof Map ? (Map<?, ?>) value : Collections.emptyMap();
      } catch (IOException e) {
        throw new OsaiInvalidDataException(
            "A page of " + operation + " could not be read for its paging: " + e.getMessage(), e);
      }
    }

    private static long longOr(@Nullable Object value, long otherwise) {
      return value instanceof Number ? ((Number) value).longValue() : otherwise;
    }

    void fetchAsync(
        @Nullable Long asked, Consumer<? super T> action, CompletableFuture<Void> done) {
      if (done.isDone()) {
        return;
      }
      CompletableFuture<P> call = fetchAsync.apply(asked);
      done.whenComplete(
          (v, t) -> {
            if (t instanceof CancellationException) {
              call.cancel(true);
            }
          });
      call.whenComplete(
          (page, failure) -> {
            if (failure != null) {
              done.completeExceptionally(
                  failure instanceof CompletionException && failure.getCause() != null
                      ? failure.getCause()
                      : failure);
              return;
            }
            try {
              Step<T> step = step(page, asked);
              for (T item : step.items) {
                if (done.isDone()) {
                  return;
                }
                action.accept(item);
              }
              if (step.last) {
                done.complete(null);
              } else {
                fetchAsync(step.next, action, done);
              }
            } catch (Throwable e) {
              done.completeExceptionally(e);
            }
          });
    }

    final class Items implements Iterator<T> {
      private @Nullable Long asked = start;
      private Iterator<T> current = Collections.emptyIterator();
      private boolean last;

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (last) {
            return false;
          }
          Step<T> step = step(fetch.apply(asked), asked);
          current = step.items.iterator();
          last = step.last;
          asked = step.next;
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more items in " + operation);
        }
        return current.next();
      }
    }
  }
}
