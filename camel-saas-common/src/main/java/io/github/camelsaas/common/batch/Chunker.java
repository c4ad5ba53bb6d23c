package io.github.camelsaas.common.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Cuts a list of records into consecutive chunks, each one request, that never exceed a maximum record count and
 * a maximum serialized size.
 * <p>
 * A chunk's size is {@code envelopeBytes + sum(record sizes) + separatorBytes * (records - 1)}; for a JSON array
 * body {@code [a,b,c]} the envelope is 2 and the separator 1, and a wrapping object such as
 * {@code {"records":[...]}} has a larger envelope. Chunks are filled greedily in input order, so the fewest
 * requests are made without reordering anything, and every record keeps its input index.
 * <p>
 * A record that would exceed the byte limit even alone is put in a chunk of its own flagged
 * {@link Chunk#oversized()}: the caller fails it without sending, and the rest of the input still goes out.
 */
public final class Chunker {

    private Chunker() {
    }

    /**
     * Splits {@code records} into chunks.
     *
     * @param records        the records, in input order
     * @param maxCount       the most records one request may hold, at least 1
     * @param maxBytes       the largest request body, in bytes; greater than {@code envelopeBytes}
     * @param sizeOfRecord   a record's serialized size in bytes, never negative
     * @param envelopeBytes  the bytes every request body has around its records, at least 0
     * @param separatorBytes the bytes between two records, at least 0
     * @return the chunks, in input order; empty for empty input
     */
    public static <T> List<Chunk<T>> split(List<T> records, int maxCount, long maxBytes,
                                           ToLongFunction<? super T> sizeOfRecord,
                                           long envelopeBytes, long separatorBytes) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(sizeOfRecord, "sizeOfRecord");
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be at least 1 but was " + maxCount);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be greater than 0 but was " + maxBytes);
        }
        if (envelopeBytes < 0 || separatorBytes < 0) {
            throw new IllegalArgumentException("envelopeBytes and separatorBytes must be >= 0 but were "
                    + envelopeBytes + " and " + separatorBytes);
        }
        if (envelopeBytes >= maxBytes) {
            throw new IllegalArgumentException("maxBytes (" + maxBytes + ") must be greater than envelopeBytes ("
                    + envelopeBytes + "), or no record could ever be sent");
        }

        ChunkBuilder<T> builder = new ChunkBuilder<>(envelopeBytes, separatorBytes);
        for (int index = 0; index < records.size(); index++) {
            T record = records.get(index);
            long size = sizeOfRecord.applyAsLong(record);
            if (size < 0) {
                throw new IllegalArgumentException("sizeOfRecord returned " + size + " for record #" + index
                        + "; sizes must be >= 0");
            }
            // Comparisons are written as subtractions from maxBytes so huge sizes cannot overflow.
            if (size > maxBytes - envelopeBytes) {
                builder.flush();
                builder.add(record, index, size);
                builder.flushOversized();
                continue;
            }
            boolean full = builder.count() == maxCount
                    || (builder.count() > 0 && size > maxBytes - builder.bytes() - separatorBytes);
            if (full) {
                builder.flush();
            }
            builder.add(record, index, size);
        }
        builder.flush();
        return builder.chunks();
    }

    /**
     * Like {@link #split(List, int, long, ToLongFunction, long, long)} for bodies with no envelope and no
     * separators.
     */
    public static <T> List<Chunk<T>> split(List<T> records, int maxCount, long maxBytes,
                                           ToLongFunction<? super T> sizeOfRecord) {
        return split(records, maxCount, maxBytes, sizeOfRecord, 0, 0);
    }

    /** The chunk being filled, and the chunks done so far. */
    private static final class ChunkBuilder<T> {
        private final long envelopeBytes;
        private final long separatorBytes;
        private final List<Chunk<T>> done = new ArrayList<>();
        private final List<T> records = new ArrayList<>();
        private final List<Integer> indexes = new ArrayList<>();
        private final List<Long> sizes = new ArrayList<>();
        private long bytes;

        ChunkBuilder(long envelopeBytes, long separatorBytes) {
            this.envelopeBytes = envelopeBytes;
            this.separatorBytes = separatorBytes;
            this.bytes = envelopeBytes;
        }

        int count() {
            return records.size();
        }

        long bytes() {
            return bytes;
        }

        void add(T record, int index, long size) {
            if (!records.isEmpty()) {
                bytes = Chunk.saturatedAdd(bytes, separatorBytes);
            }
            bytes = Chunk.saturatedAdd(bytes, size);
            records.add(record);
            indexes.add(index);
            sizes.add(size);
        }

        void flush() {
            emit(false);
        }

        void flushOversized() {
            emit(true);
        }

        private void emit(boolean oversized) {
            if (records.isEmpty()) {
                return;
            }
            done.add(new Chunk<>(records, indexes.stream().mapToInt(Integer::intValue).toArray(),
                    sizes.stream().mapToLong(Long::longValue).toArray(), envelopeBytes, separatorBytes, oversized));
            records.clear();
            indexes.clear();
            sizes.clear();
            bytes = envelopeBytes;
        }

        List<Chunk<T>> chunks() {
            return List.copyOf(done);
        }
    }
}
