package io.github.camelsaas.common.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON for the components: turns message bodies into records (one JSON object each), and writes and reads the
 * documents exchanged with the vendors.
 *
 * <p>The default instance shares one ObjectMapper configured for pass-through fidelity: nulls are written as
 * explicit JSON nulls (a null is how a field is cleared), decimals are read as {@code BigDecimal} and written
 * plainly (no rounding, no exponent), dates and java.time values are ISO-8601 text (with
 * jackson-datatype-jsr310 when the application has it, a built-in ISO mapping otherwise), unknown properties
 * are ignored when reading into a POJO, and trailing content after a JSON document is an error.
 *
 * <p>Thread-safe.
 */
public final class JsonRecords {

    private final ObjectMapper mapper;
    private final BodyRecords bodyRecords;
    private final ResponseReader responseReader;

    /** Uses the shared default mapper described above. */
    public JsonRecords() {
        this(DefaultObjectMapper.INSTANCE);
    }

    /** Uses the given mapper, which must not be reconfigured once handed over. */
    public JsonRecords(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodyRecords = new BodyRecords(mapper);
        this.responseReader = new ResponseReader(mapper);
    }

    /** The mapper in use, for callers that need Jackson directly. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Turns a message body into records, in input order.
     *
     * <p>Accepted: a {@code Map} (one record); a {@code List}, {@code Collection}, {@code Iterable},
     * {@code Iterator} or array whose elements are each a {@code Map}, a POJO, a Jackson {@code ObjectNode} or
     * JSON text holding an object; a POJO (one record); a Jackson {@code JsonNode}; JSON text as {@code String},
     * {@code byte[]} or {@code InputStream} (read to its end) holding an object (one record) or an array of
     * objects. An empty list or JSON array gives no records.
     *
     * @return                      a new mutable list of fresh, mutable maps of plain JSON values; the input is
     *                              never modified
     * @throws InvalidBodyException for a null body, text that is not JSON, a JSON scalar, or an element that is
     *                              not an object; the message names the record index and what it is
     */
    public List<Map<String, Object>> toRecords(Object body) {
        return bodyRecords.extract(body);
    }

    /**
     * As {@link #toRecords(Object)}, but without copying the records that need no copy: a {@code Map} element whose
     * keys are strings and whose values are JSON scalars written exactly as their copy would be (strings, booleans,
     * nulls, whole numbers, {@code BigDecimal}s, doubles between 10^-3 and 10^7), and that {@code usableAsIs}
     * accepts, is returned as an {@linkplain java.util.Collections#unmodifiableMap unmodifiable view} of the
     * caller's map. For a large list body this saves a copy of every record; the caller must only read such a
     * record (the view refuses changes) and must accept a {@code Double} where a copy holds a {@code BigDecimal}.
     * With a mapper other than the default one every record is copied.
     *
     * @param usableAsIs decides, for a flat plain record, whether the caller can use it unchanged (for example:
     *                   it holds no value the caller would have to change)
     * @return           a new mutable list; its records are fresh mutable maps or read-only views of the input's
     * @throws InvalidBodyException as {@link #toRecords(Object)}
     */
    public List<Map<String, Object>> toRecordsReadOnly(Object body, Predicate<Map<String, ?>> usableAsIs) {
        return bodyRecords.extract(body, usableAsIs);
    }

    /**
     * Turns a body that must hold exactly one record into that record.
     *
     * @throws InvalidBodyException as {@link #toRecords(Object)}, or when the body holds no or several records
     */
    public Map<String, Object> toRecord(Object body) {
        List<Map<String, Object>> records = toRecords(body);
        if (records.size() != 1) {
            throw new InvalidBodyException("body holds " + records.size() + " records, expected exactly one");
        }
        return records.get(0);
    }

    /**
     * Writes a value as UTF-8 JSON.
     *
     * @throws IllegalArgumentException when Jackson cannot serialise it (the message names its type)
     */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw cannotWrite(value, e);
        }
    }

    /**
     * Size in bytes of {@link #write(Object)}'s result, measured without keeping the bytes, so a chunker can
     * size a batch cheaply.
     */
    public long serializedSize(Object value) {
        ByteCounter counter = new ByteCounter();
        try {
            mapper.writeValue(counter, value);
        } catch (JsonProcessingException e) {
            throw cannotWrite(value, e);
        } catch (IOException e) {
            throw new IllegalStateException("counting bytes cannot fail", e);
        }
        return counter.count;
    }

    /**
     * Reads a server answer into the given type.
     *
     * @throws JsonResponseException when the answer is empty, not JSON, or does not fit the type
     */
    public <T> T read(byte[] json, Class<T> type) {
        return responseReader.read(json, Objects.requireNonNull(type, "type"));
    }

    /**
     * Reads a server answer that must be a JSON object.
     *
     * @throws JsonResponseException when the answer is empty, not JSON, or not an object
     */
    public Map<String, Object> readObject(byte[] json) {
        return responseReader.readObject(json);
    }

    /**
     * As {@link #readObject(byte[])}, with the same values, classes and errors, but smaller in memory, for an
     * answer whose records are kept (returned to the user): equal strings of the answer are one shared instance and
     * maps are sized to their fields. With a mapper other than the default one it is {@link #readObject(byte[])}.
     */
    public Map<String, Object> readObjectCompactly(byte[] json) {
        return responseReader.readObjectCompactly(json);
    }

    /**
     * Reads a server answer that must be a JSON array of objects.
     *
     * @throws JsonResponseException when the answer is empty, not JSON, not an array, or holds a non-object
     */
    public List<Map<String, Object>> readList(byte[] json) {
        return responseReader.readList(json);
    }

    private static IllegalArgumentException cannotWrite(Object value, JsonProcessingException e) {
        String type = value == null ? "null" : value.getClass().getName();
        return new IllegalArgumentException("cannot write " + type + " as JSON: " + JsonErrors.describe(e), e);
    }

    /** Counts and discards. */
    private static final class ByteCounter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
