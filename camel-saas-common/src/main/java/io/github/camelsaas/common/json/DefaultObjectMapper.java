package io.github.camelsaas.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The ObjectMapper {@link JsonRecords} shares by default, configured once; a configured mapper is thread-safe. */
final class DefaultObjectMapper {

    static final ObjectMapper INSTANCE = create();

    private DefaultObjectMapper() {
    }

    static ObjectMapper create() {
        JsonMapper mapper = JsonMapper.builder()
                // a null the user set must reach the API: it is how a field is cleared
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                        JsonInclude.Include.ALWAYS))
                // dates as ISO-8601 text, which both vendors accept, never epoch numbers
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // vendors add response fields over time; that must not break reading into a POJO
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "{...} trailing garbage" is not JSON, whatever a lenient parser would make of it
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // decimals pass through exactly (12.30 stays 12.30, no binary rounding) ...
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                // ... and are written as 100.0, never 1E+2
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        JavaTimeSupport.register(mapper);
        return mapper;
    }
}
