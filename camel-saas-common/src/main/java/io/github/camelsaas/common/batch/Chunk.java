package io.github.camelsaas.common.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Consecutive input records that go into one request, with each record's position in the original input.
 * <p>
 * Immutable. Made by {@link Chunker}. {@link #toString()} shows positions and sizes, never record content.
 *
 * @param <T> the record type
 */
public final class Chunk<T> {

    private final List<T> records;
    private final int[] indexes;
    private final long[] recordBytes;
    private final long envelopeBytes;
    private final long separatorBytes;
    private final long bytes;
    private final boolean oversized;

    Chunk(List<T> records, int[] indexes, long[] recordBytes, long envelopeBytes, long separatorBytes,
          boolean oversized) {
        this.records = Collections.unmodifiableList(new ArrayList<>(records));
        this.indexes = indexes;
        this.recordBytes = recordBytes;
        this.envelopeBytes = envelopeBytes;
        this.separatorBytes = separatorBytes;
        this.oversized = oversized;
        long total = envelopeBytes;
        for (int i = 0; i < recordBytes.length; i++) {
            total = saturatedAdd(total, recordBytes[i]);
            if (i > 0) {
                total = saturatedAdd(total, separatorBytes);
            }
        }
        this.bytes = total;
    }

    /** Sizes come from a caller's function; a huge one must not wrap around to a small, "fitting" number. */
    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** The records, in input order (unmodifiable). */
    public List<T> records() {
        return records;
    }

    /** How many records the chunk holds. */
    public int size() {
        return records.size();
    }

    /**
     * The input index of the record at {@code positionInChunk}: maps a per-record answer of the server back to
     * the exchange's input.
     */
    public int indexOf(int positionInChunk) {
        if (positionInChunk < 0 || positionInChunk >= indexes.length) {
            throw new IndexOutOfBoundsException(
                    "position " + positionInChunk + " is outside a chunk of " + indexes.length + " records");
        }
        return indexes[positionInChunk];
    }

    /** The input index of each record, in chunk order. */
    public List<Integer> indexes() {
        return Arrays.stream(indexes).boxed().toList();
    }

    /** The serialized size of the request body: envelope + records + separators between them. */
    public long bytes() {
        return bytes;
    }

    /**
     * Whether this is a single record that alone exceeds the byte limit. Such a chunk must not be sent: the
     * caller fails its record with {@link io.github.camelsaas.common.failure.FailedRecord#notSent}.
     */
    public boolean oversized() {
        return oversized;
    }

    /** Whether {@link #split()} can halve this chunk, that is whether it holds at least two records. */
    public boolean canSplit() {
        return records.size() >= 2;
    }

    /**
     * Halves the chunk, for bisecting a chunk the server rejected as a whole (400, 413) to isolate the bad
     * record. The first half gets the extra record of an odd count. Both halves keep input indexes and order.
     *
     * @return two chunks, first half then second half
     * @throws IllegalStateException if the chunk holds a single record
     */
    public List<Chunk<T>> split() {
        if (!canSplit()) {
            throw new IllegalStateException("a chunk of " + records.size() + " record(s) cannot be split; "
                    + "the record at input index " + (indexes.length == 0 ? "-" : indexes[0]) + " stands alone");
        }
        int middle = (records.size() + 1) / 2;
        return List.of(part(0, middle), part(middle, records.size()));
    }

    private Chunk<T> part(int from, int to) {
        // A part of a chunk that fit is smaller and fits too; only a lone record can be oversized.
        return new Chunk<>(records.subList(from, to), Arrays.copyOfRange(indexes, from, to),
                Arrays.copyOfRange(recordBytes, from, to), envelopeBytes, separatorBytes, false);
    }

    @Override
    public String toString() {
        String span = indexes.length == 0 ? "none"
                : indexes.length == 1 ? "#" + indexes[0]
                : "#" + indexes[0] + "..#" + indexes[indexes.length - 1];
        return "Chunk[" + records.size() + " records " + span + ", " + bytes + " bytes"
                + (oversized ? ", oversized" : "") + "]";
    }
}
