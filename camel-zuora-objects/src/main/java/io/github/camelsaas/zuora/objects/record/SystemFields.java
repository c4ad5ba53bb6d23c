package io.github.camelsaas.zuora.objects.record;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The fields Zuora sets on every record itself; read-only, so never sent on an update. */
public final class SystemFields {

    public static final String ID = "Id";
    private static final Set<String> NAMES =
            Set.of(ID, "type", "CreatedById", "UpdatedById", "CreatedDate", "UpdatedDate");

    private SystemFields() {
    }

    public static boolean isSystemField(String name) {
        return NAMES.contains(name);
    }

    /** A copy of the record without system fields (a record read from Zuora can be sent back as an update). */
    public static Map<String, Object> withoutSystemFields(Map<String, Object> record) {
        Map<String, Object> fields = new LinkedHashMap<>(record);
        fields.keySet().removeIf(SystemFields::isSystemField);
        return fields;
    }
}
