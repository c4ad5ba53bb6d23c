package io.github.camelsaas.common.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelsaas.common.redact.Redaction;

/**
 * Reads server answers. Failures become {@link JsonResponseException}s that say the response was not the
 * expected JSON and quote its start, because the usual culprit (an HTML page from a gateway, a truncated body)
 * is obvious from the first characters.
 */
final class ResponseReader {

    /** How much of a bad answer an exception quotes. */
    static final int SNIPPET_LENGTH = 200;
    private static final int REDACTION_WINDOW = 4096;

    private final ObjectMapper mapper;

    ResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    <T> T read(byte[] json, Class<T> type) {
        requireContent(json);
        try (JsonParser parser = mapper.createParser(json)) {
            return mapper.readValue(parser, type);
        } catch (StreamReadException e) {
            throw notJson(json, e);
        } catch (IOException e) {
            throw new JsonResponseException("response JSON does not match " + type.getSimpleName() + ": "
                    + JsonErrors.describe(e) + "; response starts with: " + snippet(json), e);
        }
    }

    Map<String, Object> readObject(byte[] json) {
        Object plain = read(json, Object.class);
        if (!(plain instanceof Map)) {
            throw wrongShape(json, "response JSON is " + JsonValueKind.describe(plain) + ", expected a JSON object");
        }
        return asObject(plain);
    }

    /**
     * As {@link #readObject}, read by the {@link CompactAnswerReader} when the mapper is the default one. Any
     * problem sends the answer through {@link #readObject}, so errors are reported exactly as there.
     */
    Map<String, Object> readObjectCompactly(byte[] json) {
        if (mapper == DefaultObjectMapper.INSTANCE && json != null) {
            try (JsonParser parser = mapper.createParser(json)) {
                if (CompactAnswerReader.read(parser) instanceof Map<?, ?> object) {
                    return asObject(object);
                }
            } catch (IOException | RuntimeException e) {
                // not the well-formed object expected: readObject below says what is wrong
            }
        }
        return readObject(json);
    }

    List<Map<String, Object>> readList(byte[] json) {
        Object plain = read(json, Object.class);
        if (!(plain instanceof List<?> list)) {
            throw wrongShape(json, "response JSON is " + JsonValueKind.describe(plain) + ", expected a JSON array");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                throw wrongShape(json, "response JSON array element " + i + " is "
                        + JsonValueKind.describe(list.get(i)) + ", expected a JSON object");
            }
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objects = (List<Map<String, Object>>) list;
        return objects;
    }

    private static void requireContent(byte[] json) {
        if (json == null || isBlank(json)) {
            throw new JsonResponseException("response is empty, expected JSON", null);
        }
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static JsonResponseException notJson(byte[] json, IOException e) {
        return new JsonResponseException("response is not JSON (" + JsonErrors.describe(e) + "); response starts with: "
                + snippet(json), e);
    }

    private static JsonResponseException wrongShape(byte[] json, String message) {
        return new JsonResponseException(message + "; response starts with: " + snippet(json), null);
    }

    /**
     * The start of the answer on one line, credentials it may echo masked. Masking runs on a generous prefix
     * before cutting, so a credential that straddles the cut is recognised and masked, not half shown.
     */
    static String snippet(byte[] body) {
        String prefix = new String(body, 0, Math.min(body.length, REDACTION_WINDOW), StandardCharsets.UTF_8);
        String text = Redaction.redactText(prefix).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return text.length() > SNIPPET_LENGTH || body.length > REDACTION_WINDOW
                ? text.substring(0, Math.min(text.length(), SNIPPET_LENGTH)) + "..."
                : text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object plain) {
        return (Map<String, Object>) plain;
    }
}
