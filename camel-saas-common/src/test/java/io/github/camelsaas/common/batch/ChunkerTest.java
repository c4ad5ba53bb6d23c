package io.github.camelsaas.common.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkerTest {

    /** A record whose serialized size is known up front. */
    private record Sized(String id, long bytes) {
    }

    private static List<Sized> records(long... sizes) {
        return IntStream.range(0, sizes.length).mapToObj(i -> new Sized("r" + i, sizes[i])).toList();
    }

    @Test
    void splitsByCountExactly() {
        List<Integer> input = IntStream.range(0, 2_500).boxed().toList();

        List<Chunk<Integer>> chunks = Chunker.split(input, 1_000, Long.MAX_VALUE, r -> 10);

        assertThat(chunks).extracting(Chunk::size).containsExactly(1_000, 1_000, 500);
        assertThat(chunks.get(1).indexOf(0)).isEqualTo(1_000);
        assertThat(chunks.get(2).indexOf(499)).isEqualTo(2_499);
        assertThat(chunks).noneMatch(Chunk::oversized);
    }

    @Test
    void aChunkIsEnvelopePlusRecordsPlusSeparators() {
        // [aaaa,bbbbbb] with 1-byte separators and a 2-byte envelope = 2 + 4 + 1 + 6
        List<Chunk<Sized>> chunks = Chunker.split(records(4, 6), 10, 100, Sized::bytes, 2, 1);

        assertThat(chunks).singleElement().extracting(Chunk::bytes).isEqualTo(13L);
    }

    @Test
    void byteLimitSplitsBeforeCountLimit() {
        // 2 + 30 + 1 + 30 + 1 + 30 = 94 fits in 100; a fourth record would need 125
        List<Sized> input = records(30, 30, 30, 30, 30, 30, 30);

        List<Chunk<Sized>> chunks = Chunker.split(input, 1_000, 100, Sized::bytes, 2, 1);

        assertThat(chunks).extracting(Chunk::size).containsExactly(3, 3, 1);
        assertThat(chunks).extracting(Chunk::bytes).containsExactly(94L, 94L, 32L);
        assertThat(chunks.get(1).indexes()).containsExactly(3, 4, 5);
    }

    @Test
    void aChunkMayFillTheByteLimitExactly() {
        List<Chunk<Sized>> chunks = Chunker.split(records(49, 49), 10, 100, Sized::bytes, 1, 1);

        assertThat(chunks).singleElement().extracting(Chunk::bytes).isEqualTo(100L);
    }

    @Test
    void aRecordTooBigAloneGetsAnOversizedChunkAndTheRestStillGoes() {
        List<Sized> input = records(10, 10, 500, 10, Long.MAX_VALUE, 10);

        List<Chunk<Sized>> chunks = Chunker.split(input, 100, 100, Sized::bytes, 2, 1);

        assertThat(chunks).extracting(Chunk::indexes)
                .containsExactly(List.of(0, 1), List.of(2), List.of(3), List.of(4), List.of(5));
        assertThat(chunks).extracting(Chunk::oversized).containsExactly(false, true, false, true, false);
        assertThat(chunks.get(1).bytes()).isEqualTo(502L);
        assertThat(chunks.get(3).bytes()).isEqualTo(Long.MAX_VALUE); // saturated, not wrapped to a "fitting" size
        assertThat(chunks.get(1).records()).containsExactly(input.get(2));
    }

    @Test
    void aRecordThatFitsOnlyWithoutItsNeighboursIsNotOversized() {
        // 2 + 98 = 100 fits alone, so it is sent alone rather than failed
        List<Chunk<Sized>> chunks = Chunker.split(records(10, 98, 10), 100, 100, Sized::bytes, 2, 1);

        assertThat(chunks).extracting(Chunk::indexes).containsExactly(List.of(0), List.of(1), List.of(2));
        assertThat(chunks).noneMatch(Chunk::oversized);
    }

    @Test
    void emptyInputGivesNoChunks() {
        assertThat(Chunker.split(List.<Sized>of(), 10, 100, Sized::bytes, 2, 1)).isEmpty();
    }

    @Test
    void splitHalvesKeepOrderIndexesAndRecomputeBytes() {
        List<Sized> input = records(5, 6, 7, 8, 9, 10, 11);
        Chunk<Sized> whole = Chunker.split(input, 3, 1_000, Sized::bytes, 2, 1).get(1); // records 3, 4, 5

        List<Chunk<Sized>> halves = whole.split();

        assertThat(halves).hasSize(2);
        assertThat(halves.get(0).indexes()).containsExactly(3, 4);
        assertThat(halves.get(0).records()).containsExactly(input.get(3), input.get(4));
        assertThat(halves.get(0).bytes()).isEqualTo(2 + 8 + 1 + 9);
        assertThat(halves.get(1).indexes()).containsExactly(5);
        assertThat(halves.get(1).indexOf(0)).isEqualTo(5);
        assertThat(halves.get(1).bytes()).isEqualTo(2 + 10);
        assertThat(halves).noneMatch(Chunk::oversized);
    }

    @Test
    void bisectingDownToSingleRecordsReachesEveryIndexOnce() {
        Chunk<Integer> whole = Chunker.split(IntStream.range(0, 13).boxed().toList(), 100, 1_000, r -> 1).get(0);

        List<Integer> leaves = new ArrayList<>();
        List<Chunk<Integer>> todo = new ArrayList<>(List.of(whole));
        while (!todo.isEmpty()) {
            Chunk<Integer> chunk = todo.remove(0);
            if (chunk.canSplit()) {
                todo.addAll(0, chunk.split());
            } else {
                leaves.add(chunk.indexOf(0));
            }
        }

        assertThat(leaves).containsExactlyElementsOf(IntStream.range(0, 13).boxed().toList());
    }

    @Test
    void aSingleRecordChunkCannotBeSplit() {
        Chunk<Integer> single = Chunker.split(List.of(42), 10, 100, r -> 1).get(0);

        assertThat(single.canSplit()).isFalse();
        assertThatThrownBy(single::split)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be split");
    }

    @Test
    void indexOfRejectsPositionsOutsideTheChunk() {
        Chunk<Integer> chunk = Chunker.split(List.of(1, 2), 10, 100, r -> 1).get(0);

        assertThatThrownBy(() -> chunk.indexOf(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void toStringShowsPositionsAndSizeButNoRecords() {
        Chunk<String> chunk = Chunker.split(List.of("jane.doe@example.com", "john@example.com"), 10, 100,
                r -> r.length()).get(0);

        assertThat(chunk.toString()).contains("2 records", "#0..#1", "bytes").doesNotContain("example.com");
    }

    @Test
    void rejectsBadArgumentsWithClearMessages() {
        List<Integer> input = List.of(1);

        assertThatThrownBy(() -> Chunker.split(input, 0, 100, r -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxCount must be at least 1 but was 0");
        assertThatThrownBy(() -> Chunker.split(input, 10, 0, r -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxBytes must be greater than 0 but was 0");
        assertThatThrownBy(() -> Chunker.split(input, 10, 100, r -> 1, -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be >= 0");
        assertThatThrownBy(() -> Chunker.split(input, 10, 100, r -> 1, 100, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBytes (100) must be greater than envelopeBytes (100)");
        assertThatThrownBy(() -> Chunker.split(input, 10, 100, r -> -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record #0");
        assertThatThrownBy(() -> Chunker.split(null, 10, 100, r -> 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Chunker.split(input, 10, 100, null)).isInstanceOf(NullPointerException.class);
    }

    /**
     * Over many random inputs: no chunk breaks either limit, concatenating the chunks gives the input back in order
     * with correct indexes, only lone too-big records are oversized, and chunks are as full as the limits allow
     * (the next record would not have fit into the previous chunk).
     */
    @Test
    void randomInputsNeverBreakALimitAndLoseOrReorderNothing() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int run = 0; run < 2_000; run++) {
            int maxCount = 1 + random.nextInt(40);
            long maxBytes = 1 + random.nextInt(3_000);
            long envelope = random.nextInt((int) Math.min(maxBytes, 50));
            long separator = random.nextInt(4);
            int n = random.nextInt(300);
            List<Sized> input = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                // mostly small records, some near or over the limit
                long size = random.nextInt(10) == 0 ? random.nextInt((int) maxBytes * 2 + 1)
                        : random.nextInt((int) Math.max(1, maxBytes / 5));
                input.add(new Sized("r" + i, size));
            }
            String context = "seed " + seed + ", run " + run + ", maxCount " + maxCount + ", maxBytes " + maxBytes
                    + ", envelope " + envelope + ", separator " + separator;

            List<Chunk<Sized>> chunks = Chunker.split(input, maxCount, maxBytes, Sized::bytes, envelope, separator);

            List<Sized> rejoined = new ArrayList<>();
            List<Integer> rejoinedIndexes = new ArrayList<>();
            for (int c = 0; c < chunks.size(); c++) {
                Chunk<Sized> chunk = chunks.get(c);
                long expectedBytes = envelope + chunk.records().stream().mapToLong(Sized::bytes).sum()
                        + separator * (chunk.size() - 1);
                assertThat(chunk.size()).as(context).isPositive().isLessThanOrEqualTo(maxCount);
                assertThat(chunk.bytes()).as(context).isEqualTo(expectedBytes);
                if (chunk.oversized()) {
                    assertThat(chunk.size()).as(context).isEqualTo(1);
                    assertThat(chunk.bytes()).as(context).isGreaterThan(maxBytes);
                } else {
                    assertThat(chunk.bytes()).as(context).isLessThanOrEqualTo(maxBytes);
                }
                for (int p = 0; p < chunk.size(); p++) {
                    assertThat(input.get(chunk.indexOf(p))).as(context).isSameAs(chunk.records().get(p));
                }
                if (c > 0 && !chunk.oversized() && !chunks.get(c - 1).oversized()) {
                    Chunk<Sized> previous = chunks.get(c - 1);
                    boolean nextWouldHaveFit = previous.size() < maxCount
                            && previous.bytes() + separator + chunk.records().get(0).bytes() <= maxBytes;
                    assertThat(nextWouldHaveFit).as("chunk %d was cut early; %s", c - 1, context).isFalse();
                }
                rejoined.addAll(chunk.records());
                rejoinedIndexes.addAll(chunk.indexes());
            }
            assertThat(rejoined).as(context).containsExactlyElementsOf(input);
            assertThat(rejoinedIndexes).as(context).containsExactlyElementsOf(IntStream.range(0, n).boxed().toList());
        }
    }
}
