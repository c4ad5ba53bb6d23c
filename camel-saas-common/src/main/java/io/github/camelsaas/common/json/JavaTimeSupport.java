package io.github.camelsaas.common.json;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * java.time support for the default mapper without a hard dependency: camel-jackson does not bring
 * jackson-datatype-jsr310, so it is used when the application has it and a minimal ISO-8601 text mapping
 * otherwise. Without either, Jackson refuses java.time values outright, which would make a POJO with an
 * {@code Instant} field unusable as a body.
 */
final class JavaTimeSupport {

    static final String JSR310_MODULE = "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule";

    private JavaTimeSupport() {
    }

    static void register(ObjectMapper mapper) {
        Module jsr310 = loadJsr310Module();
        mapper.registerModule(jsr310 != null ? jsr310 : isoTextModule());
    }

    private static Module loadJsr310Module() {
        try {
            Class<?> type = Class.forName(JSR310_MODULE, true, JavaTimeSupport.class.getClassLoader());
            return (Module) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError notOnClasspath) {
            return null;
        }
    }

    /** The fallback: java.time values written with {@code toString()} (ISO-8601) and read back with parse. */
    static Module isoTextModule() {
        SimpleModule module = new SimpleModule("camel-saas-iso-java-time");
        module.addSerializer(TemporalAccessor.class, ToStringSerializer.instance);
        module.addSerializer(TemporalAmount.class, ToStringSerializer.instance);
        addParser(module, Instant.class, Instant::parse);
        addParser(module, LocalDate.class, LocalDate::parse);
        addParser(module, LocalDateTime.class, LocalDateTime::parse);
        addParser(module, LocalTime.class, LocalTime::parse);
        addParser(module, OffsetDateTime.class, OffsetDateTime::parse);
        addParser(module, ZonedDateTime.class, ZonedDateTime::parse);
        addParser(module, Duration.class, Duration::parse);
        return module;
    }

    private static <T> void addParser(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addDeserializer(type, new IsoTextDeserializer<>(type, parse));
    }

    private static final class IsoTextDeserializer<T> extends StdScalarDeserializer<T> {

        private static final long serialVersionUID = 1L;

        private final transient Function<String, T> parse;

        IsoTextDeserializer(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            try {
                return parse.apply(text.strip());
            } catch (DateTimeParseException e) {
                return (T) context.handleWeirdStringValue(handledType(), text, "not ISO-8601: %s", e.getMessage());
            }
        }
    }
}
