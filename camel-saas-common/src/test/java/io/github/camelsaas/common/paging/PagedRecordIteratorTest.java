package io.github.camelsaas.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class PagedRecordIteratorTest {

    /** Pages "2", "3", ... of two records each (fewer if fewer are wanted) up to {@code last}; records what it was asked for. */
    private static final class CountingSource implements PageSource {
        final List<String> asked = new ArrayList<>();
        final int last;

        CountingSource(int last) {
            this.last = last;
        }

        @Override
        public CompletableFuture<Page> fetch(String next, long wanted) {
            asked.add(next);
            int page = Integer.parseInt(next);
            Page full = page(page, page < last ? String.valueOf(page + 1) : null);
            // as the contract asks: no more records than wanted
            return CompletableFuture.completedFuture(new Page(full.records().subList(0, (int) Math.min(2, wanted)),
                    full.next()));
        }
    }

    private static Page page(int number, String next) {
        return new Page(List.of(Map.of("id", number + "a"), Map.of("id", number + "b")), next);
    }

    @Test
    void theNextPageIsFetchedOnlyWhenTheCurrentOneIsUsedUp() {
        CountingSource source = new CountingSource(3);
        PagedRecordIterator records = new PagedRecordIterator(source, page(1, "2"));

        assertThat(records.next()).containsEntry("id", "1a");
        assertThat(records.next()).containsEntry("id", "1b");
        assertThat(source.asked).isEmpty();
        assertThat(records.next()).containsEntry("id", "2a");
        assertThat(source.asked).containsExactly("2");

        List<Object> rest = new ArrayList<>();
        records.forEachRemaining(record -> rest.add(record.get("id")));
        assertThat(rest).containsExactly("2b", "3a", "3b");
        assertThat(source.asked).containsExactly("2", "3");
        assertThat(records.pagesFetched()).isEqualTo(2);
        assertThatThrownBy(records::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void wantedStopsTheReadAndAnEmptyPageEndsIt() {
        CountingSource source = new CountingSource(10);
        PagedRecordIterator limited = new PagedRecordIterator(source, page(1, "2"), 1);
        List<Object> read = new ArrayList<>();
        limited.forEachRemaining(read::add);
        assertThat(read).hasSize(3);
        assertThat(source.asked).containsExactly("2");

        PagedRecordIterator empty = new PagedRecordIterator((next, wanted) ->
                CompletableFuture.completedFuture(new Page(List.of(), "again")), new Page(List.of(), "2"));
        assertThat(empty.hasNext()).isFalse();
        assertThat(empty.pagesFetched()).isEqualTo(1);
    }

    @Test
    void aFailedFetchSurfacesAsTheCallsOwnException() {
        PagedRecordIterator records = new PagedRecordIterator((next, wanted) ->
                CompletableFuture.failedFuture(new IllegalStateException("page 2 refused")), new Page(List.of(), "2"));

        assertThatThrownBy(records::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("page 2 refused");
    }
}
