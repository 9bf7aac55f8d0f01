package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.PagingApi;
import com.onestepai.osai.growth.model.PagedTenant;
import com.onestepai.osai.growth.model.PagedTodoItem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 4: the auto-pager generated beside an operation marked {@code x-osai-pagination}
 * (growth fragment shapes-paging.yaml), on the wire: pages fetched lazily, the paging parameter
 * advanced and the others sent with every page, the end found from each page as it comes.
 */
class PagingWireTest extends SignedInWireTest {
  PagingApi paging;

  @BeforeEach
  void api() {
    paging = client.api(PagingApi.class);
  }

  static String todoPage(int number, int totalPages, boolean hasNext, int... ids) {
    StringBuilder items = new StringBuilder();
    for (int id : ids) {
      items.append(items.length() == 0 ? "" : ",");
      items
          .append("{\"id\":")
          .append(id)
          .append(",\"title\":\"t")
          .append(id)
          .append("\",\"done\":false}");
    }
    return "{\"items\":["
        + items
        + "],\"pageNumber\":"
        + number
        + ",\"totalPages\":"
        + totalPages
        + ",\"totalCount\":"
        + (totalPages * 2)
        + ",\"hasPreviousPage\":"
        + (number > 1)
        + ",\"hasNextPage\":"
        + hasNext
        + "}";
  }

  static String tenantPage(long totalCount, String... names) {
    StringBuilder items = new StringBuilder();
    for (String name : names) {
      items.append(items.length() == 0 ? "" : ",");
      items.append("{\"name\":\"").append(name).append("\"}");
    }
    return "{\"items\":[" + items + "],\"totalCount\":" + totalCount + "}";
  }

  List<String> targets(int calls) throws InterruptedException {
    List<String> targets = new ArrayList<>();
    RecordedRequest signIn = server.takeRequest(5, TimeUnit.SECONDS);
    assertTrue(signIn != null && signIn.getTarget().endsWith("/SignIn"), "sign-in first");
    for (int i = 0; i < calls; i++) {
      RecordedRequest call = server.takeRequest(5, TimeUnit.SECONDS);
      assertTrue(call != null, "the server saw no call " + i);
      targets.add(call.getTarget());
    }
    return targets;
  }

  static List<Integer> ids(Iterable<PagedTodoItem> items) {
    List<Integer> ids = new ArrayList<>();
    for (PagedTodoItem item : items) {
      ids.add(item.getId());
    }
    return ids;
  }

  @Test
  void pageNumberPagesAreFetchedLazilyUntilHasNextPageIsFalse() throws Exception {
    server.enqueue(json(200, todoPage(1, 2, true, 1, 2)));
    server.enqueue(json(200, todoPage(2, 2, false, 3)));

    Iterator<PagedTodoItem> items = PagingApi.listTodoItemsAutoPager(paging, 7, null, 2).iterator();
    assertEquals(0, server.getRequestCount(), "nothing fetched before iteration");
    assertEquals(1, items.next().getId());
    assertEquals(2, items.next().getId());
    assertEquals(
        2, server.getRequestCount(), "sign-in and page 1: page 2 not before it is reached");
    assertEquals(3, items.next().getId());
    assertTrue(!items.hasNext());

    assertEquals(
        List.of(
            "/api/api/v1/Paging/TodoItems?ListId=7&PageSize=2",
            "/api/api/v1/Paging/TodoItems?ListId=7&PageNumber=2&PageSize=2"),
        targets(2));
  }

  @Test
  void anEmptyLastPageEndsTheListWithoutAnItem() throws Exception {
    // A server whose count was wrong: it said there was a next page, and it was empty.
    server.enqueue(json(200, todoPage(3, 9, true, 5)));
    server.enqueue(json(200, todoPage(4, 9, true)));

    assertEquals(List.of(5), ids(PagingApi.listTodoItemsAutoPager(paging, null, 3, null)));
    assertEquals(
        List.of(
            "/api/api/v1/Paging/TodoItems?PageNumber=3",
            "/api/api/v1/Paging/TodoItems?PageNumber=4"),
        targets(2));
  }

  @Test
  void totalPagesIsReadFromEachPageAsItComes() throws Exception {
    // Without hasNextPage, totalPages decides; the server grows from 2 pages to 3, then shrinks.
    server.enqueue(json(200, "{\"items\":[{\"id\":1}],\"pageNumber\":1,\"totalPages\":2}"));
    server.enqueue(json(200, "{\"items\":[{\"id\":2}],\"pageNumber\":2,\"totalPages\":3}"));
    server.enqueue(json(200, "{\"items\":[{\"id\":3}],\"pageNumber\":3,\"totalPages\":3}"));
    assertEquals(
        List.of(1, 2, 3),
        PagingApi.listTodoItemsAutoPager(paging, null, null, null).stream()
            .map(PagedTodoItem::getId)
            .collect(Collectors.toList()));

    server.enqueue(json(200, "{\"items\":[{\"id\":1}],\"pageNumber\":1,\"totalPages\":3}"));
    server.enqueue(json(200, "{\"items\":[{\"id\":2}],\"pageNumber\":2,\"totalPages\":2}"));
    assertEquals(List.of(1, 2), ids(PagingApi.listTodoItemsAutoPager(paging, null, null, null)));
    assertEquals(6, server.getRequestCount(), "sign-in and five pages, no more");
  }

  @Test
  void skipTakeAdvancesSkipByTheItemsReceivedUntilTotalCount() throws Exception {
    server.enqueue(json(200, tenantPage(5, "a", "b")));
    server.enqueue(json(200, tenantPage(5, "c", "d")));
    server.enqueue(json(200, tenantPage(5, "e")));

    List<String> names =
        PagingApi.listTenantsAutoPager(paging, "x", null, 2).stream()
            .map(PagedTenant::getName)
            .collect(Collectors.toList());

    assertEquals(List.of("a", "b", "c", "d", "e"), names);
    assertEquals(
        List.of(
            "/api/api/v1/Paging/Tenants?Filter=x&MaxResultCount=2",
            "/api/api/v1/Paging/Tenants?Filter=x&SkipCount=2&MaxResultCount=2",
            "/api/api/v1/Paging/Tenants?Filter=x&SkipCount=4&MaxResultCount=2"),
        targets(3));
  }

  @Test
  void skipTakeStopsAtAnEmptyPageWhenTheCountWasWrong() throws Exception {
    server.enqueue(json(200, tenantPage(100, "a")));
    server.enqueue(json(200, tenantPage(100)));

    assertEquals(1, PagingApi.listTenantsAutoPager(paging, null, 10L, null).stream().count());
    assertEquals(
        List.of(
            "/api/api/v1/Paging/Tenants?SkipCount=10", "/api/api/v1/Paging/Tenants?SkipCount=11"),
        targets(2));
  }

  @Test
  void theAsyncFormGivesEveryItemThenCompletes() throws Exception {
    server.enqueue(json(200, tenantPage(3, "a", "b")));
    server.enqueue(json(200, tenantPage(3, "c")));
    List<String> names = new ArrayList<>();

    CompletableFuture<Void> done =
        PagingApi.listTenantsAutoPager(paging, null, null, null)
            .forEachAsync(t -> names.add(t.getName()));

    done.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("a", "b", "c"), names);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void aFailedPageIsTheTypedErrorInBothForms() throws Exception {
    server.enqueue(json(200, tenantPage(4, "a", "b")));
    server.enqueue(json(404, "{\"title\":\"Not Found\",\"status\":404}"));
    Iterator<PagedTenant> items =
        PagingApi.listTenantsAutoPager(paging, null, null, null).iterator();
    items.next();
    items.next();
    assertThrows(NotFoundException.class, items::hasNext);

    server.enqueue(json(200, tenantPage(4, "a", "b")));
    server.enqueue(json(404, "{\"title\":\"Not Found\",\"status\":404}"));
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                PagingApi.listTenantsAutoPager(paging, null, null, null)
                    .forEachAsync(t -> {})
                    .get(10, TimeUnit.SECONDS));
    assertSame(NotFoundException.class, e.getCause().getClass());
  }
}
