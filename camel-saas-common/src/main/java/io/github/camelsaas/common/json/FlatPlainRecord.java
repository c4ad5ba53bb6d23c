package io.github.camelsaas.common.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Whether a caller's record can be used as it is, read-only, instead of copied: a Map with string keys whose
 * values are all JSON scalars that the {@linkplain DefaultObjectMapper default mapper} writes exactly as it would
 * write their {@link PlainJsonCopy copy}. That holds for strings, booleans, nulls, {@code Integer}, {@code Long},
 * {@code Short}, {@code BigInteger}, {@code BigDecimal}, and a {@code Double} that {@code Double.toString} writes
 * without an exponent (the copy's {@code BigDecimal.valueOf} is then written as the same digits); a large or tiny
 * double, {@code -0.0}, a nested map or list, or anything else means the record is copied as before.
 */
final class FlatPlainRecord {

    /** {@code Double.toString} writes plain digits from 10^-3 up to 10^7 (and for 0). */
    private static final double PLAIN_DOUBLE_MIN = 1e-3;
    private static final double PLAIN_DOUBLE_LIMIT = 1e7;

    private FlatPlainRecord() {
    }

    static boolean test(Map<?, ?> record) {
        for (Map.Entry<?, ?> field : record.entrySet()) {
            if (!(field.getKey() instanceof String) || !isStableScalar(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStableScalar(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return true;
        }
        if (value instanceof Double number) {
            double magnitude = Math.abs(number);
            // 0.0 is written "0.0" both ways, -0.0 is not (BigDecimal has no negative zero)
            return magnitude == 0 ? Double.doubleToRawLongBits(number) == 0
                    : magnitude >= PLAIN_DOUBLE_MIN && magnitude < PLAIN_DOUBLE_LIMIT;
        }
        return false;
    }
}
