package io.github.camelsaas.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code readObjectCompactly} must give exactly what {@code readObject} gives (values, classes, order, errors),
 * with equal strings of one answer shared.
 */
class CompactAnswerReaderTest {

    private final JsonRecords json = new JsonRecords();

    private static final String ANSWER = """
            {"records":[
              {"Id":"a1","Name__c":"x","Qty__c":3,"Big__c":5000000000,"Huge__c":123456789012345678901234567890,
               "Price__c":4.990,"Exp__c":1.5e-7,"Ok__c":true,"No__c":false,"Empty__c":"","Uni__c":"Zoë \\u00e9 ✓",
               "CreatedById":"u-1","CreatedDate":"2026-11-23T10:00:00.000+00:00"},
              {"Id":"a2","Name__c":"x","Qty__c":-1,"Price__c":0.0,"Dup__c":1,"Dup__c":2,
               "CreatedById":"u-1","CreatedDate":"2026-11-23T10:00:00.000+00:00"}],
             "error":{"code":"71012520","details":[{"record":{"Name__c":"bad"},"tags":[1,"x",null,[],{}]}]},
             "empty":{},"none":null,"list":[]}
            """;

    @Test
    void givesExactlyWhatReadObjectGives() {
        byte[] answer = bytes(ANSWER);

        Map<String, Object> compact = json.readObjectCompactly(answer);
        Map<String, Object> usual = json.readObject(answer);

        assertThat(compact).isEqualTo(usual);
        assertSameShape(compact, usual);
    }

    @Test
    void equalStringsOfOneAnswerAreOneInstance() {
        Map<String, Object> compact = json.readObjectCompactly(bytes(ANSWER));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) compact.get("records");

        assertThat(records.get(1).get("CreatedById")).isSameAs(records.get(0).get("CreatedById"));
        assertThat(records.get(1).get("CreatedDate")).isSameAs(records.get(0).get("CreatedDate"));
        assertThat(records.get(1).get("Name__c")).isSameAs(records.get(0).get("Name__c"));
    }

    @Test
    void badAnswersFailExactlyAsReadObjectFails() {
        for (String bad : new String[] {"", "  ", "<html>gateway</html>", "[1,2]", "\"text\"", "{\"a\":1} {}",
                "{\"a\":", "{\"a\":1,}", "42"}) {
            byte[] answer = bytes(bad);
            Throwable usual = catchThrowable(() -> json.readObject(answer));
            assertThat(usual).as(bad).isInstanceOf(JsonResponseException.class);
            assertThatThrownBy(() -> json.readObjectCompactly(answer)).as(bad)
                    .isInstanceOf(JsonResponseException.class).hasMessage(usual.getMessage());
        }
    }

    @Test
    void aCustomMapperReadsAsReadObjectDoes() {
        JsonRecords custom = new JsonRecords(new com.fasterxml.jackson.databind.ObjectMapper());

        Map<String, Object> compact = custom.readObjectCompactly(bytes(ANSWER));

        assertThat(compact).isEqualTo(custom.readObject(bytes(ANSWER)));
        assertSameShape(compact, custom.readObject(bytes(ANSWER)));
    }

    private static Throwable catchThrowable(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Same classes all the way down, and the same key order. */
    private static void assertSameShape(Object compact, Object usual) {
        if (usual == null) {
            assertThat(compact).isNull();
            return;
        }
        assertThat(compact).isExactlyInstanceOf(usual.getClass());
        if (usual instanceof Map<?, ?> usualMap) {
            Map<?, ?> compactMap = (Map<?, ?>) compact;
            assertThat(List.copyOf(compactMap.keySet())).isEqualTo(List.copyOf(usualMap.keySet()));
            usualMap.forEach((key, value) -> assertSameShape(compactMap.get(key), value));
        } else if (usual instanceof List<?> usualList) {
            List<?> compactList = (List<?>) compact;
            assertThat(compactList).hasSameSizeAs(usualList);
            for (int i = 0; i < usualList.size(); i++) {
                assertSameShape(compactList.get(i), usualList.get(i));
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
