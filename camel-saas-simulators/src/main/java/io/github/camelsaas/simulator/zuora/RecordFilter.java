package io.github.camelsaas.simulator.zuora;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code q} filter of a records query, in the subset of Zuora's query syntax the simulator understands:
 * terms joined by {@code AND} (or {@code &&}), each {@code field:value} (equality; quote a value with spaces as
 * {@code "..."}), {@code field:<v}, {@code <=}, {@code >}, {@code >=} (numbers numerically, strings and ISO dates
 * lexicographically; escape colons in values as {@code \:}), {@code _exists_:field}, each optionally negated
 * with {@code !} or {@code NOT }. {@code OR} and parentheses are refused with a message saying so, rather than
 * answered wrongly. Only filterable fields may be used, as in Zuora.
 */
final class RecordFilter implements Predicate<ObjectNode> {

    /** A {@code q} the simulator cannot or will not evaluate; answered as 400. */
    static final class InvalidQueryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidQueryException(String message) {
            super(message);
        }
    }

    private enum Operator {
        EQUALS, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, EXISTS
    }

    private record Condition(String field, Operator operator, String value, boolean negated) {
        boolean matches(ObjectNode record) {
            return negated != holds(record);
        }

        private boolean holds(ObjectNode record) {
            JsonNode actual = record.get(field);
            if (actual == null || actual.isNull()) {
                return false;
            }
            if (operator == Operator.EXISTS) {
                return true;
            }
            Integer comparison = compare(actual, value);
            if (comparison == null) {
                return false;
            }
            switch (operator) {
                case EQUALS:
                    return comparison == 0;
                case LESS:
                    return comparison < 0;
                case LESS_OR_EQUAL:
                    return comparison <= 0;
                case GREATER:
                    return comparison > 0;
                case GREATER_OR_EQUAL:
                    return comparison >= 0;
                default:
                    return false;
            }
        }

        /** Compares a stored value with the query's literal in the stored value's type; null when they cannot compare. */
        private static Integer compare(JsonNode actual, String literal) {
            if (actual.isNumber()) {
                try {
                    return actual.decimalValue().compareTo(new BigDecimal(literal));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            if (actual.isBoolean()) {
                if (!literal.equalsIgnoreCase("true") && !literal.equalsIgnoreCase("false")) {
                    return null;
                }
                return actual.booleanValue() == Boolean.parseBoolean(literal.toLowerCase()) ? 0 : 1;
            }
            if (actual.isTextual()) {
                return Integer.signum(actual.textValue().compareTo(literal));
            }
            return null;
        }
    }

    private static final RecordFilter EVERYTHING = new RecordFilter(List.of());

    private final List<Condition> conditions;

    private RecordFilter(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /** Parses {@code q} (null or blank matches every record) for an object with this definition. */
    static RecordFilter parse(String q, ObjectDefinition definition) {
        if (q == null || q.isBlank()) {
            return EVERYTHING;
        }
        List<Condition> conditions = new ArrayList<>();
        for (String term : splitTerms(q)) {
            conditions.add(parseTerm(term, definition));
        }
        return new RecordFilter(List.copyOf(conditions));
    }

    /** True when no condition restricts the records, so a count needs no scan. */
    boolean matchesEverything() {
        return conditions.isEmpty();
    }

    @Override
    public boolean test(ObjectNode record) {
        for (Condition condition : conditions) {
            if (!condition.matches(record)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitTerms(String q) {
        List<String> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '\\' && i + 1 < q.length()) {
                current.append(c).append(q.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (q.startsWith(" AND ", i) || q.startsWith(" && ", i)) {
                    terms.add(current.toString());
                    current.setLength(0);
                    i += q.startsWith(" AND ", i) ? 4 : 3;
                    continue;
                }
                if (q.startsWith(" OR ", i) || q.startsWith(" || ", i) || c == '(' || c == ')') {
                    throw new InvalidQueryException(
                            "The simulator supports terms joined by AND only (no OR, no parentheses): " + q);
                }
            }
            current.append(c);
        }
        if (quoted) {
            throw new InvalidQueryException("Unbalanced quote in query: " + q);
        }
        terms.add(current.toString());
        return terms;
    }

    private static Condition parseTerm(String rawTerm, ObjectDefinition definition) {
        String term = rawTerm.trim();
        boolean negated = false;
        if (term.startsWith("NOT ")) {
            negated = true;
            term = term.substring(4).trim();
        } else if (term.startsWith("!")) {
            negated = true;
            term = term.substring(1).trim();
        }
        int colon = firstUnescapedColon(term);
        if (colon <= 0) {
            throw new InvalidQueryException("Expected field:value in query term [" + rawTerm.trim() + "]");
        }
        String field = term.substring(0, colon).trim();
        String rest = term.substring(colon + 1).trim();
        if (field.equals("_exists_")) {
            return new Condition(checkFilterable(unescape(rest), definition), Operator.EXISTS, null, negated);
        }
        Operator operator = Operator.EQUALS;
        for (String prefix : new String[] { "<=", ">=", "<", ">" }) {
            if (rest.startsWith(prefix)) {
                operator = operatorOf(prefix);
                rest = rest.substring(prefix.length()).trim();
                break;
            }
        }
        if (rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")) {
            rest = rest.substring(1, rest.length() - 1);
        }
        if (rest.isEmpty()) {
            throw new InvalidQueryException("Missing value in query term [" + rawTerm.trim() + "]");
        }
        return new Condition(checkFilterable(field, definition), operator, unescape(rest), negated);
    }

    private static String checkFilterable(String field, ObjectDefinition definition) {
        if (!definition.knows(field)) {
            throw new InvalidQueryException(
                    "Field [" + field + "] is not defined in object [" + definition.name() + "].");
        }
        if (!definition.isFilterable(field)) {
            throw new InvalidQueryException("Field [" + field + "] is not filterable.");
        }
        return field;
    }

    private static Operator operatorOf(String prefix) {
        switch (prefix) {
            case "<=":
                return Operator.LESS_OR_EQUAL;
            case ">=":
                return Operator.GREATER_OR_EQUAL;
            case "<":
                return Operator.LESS;
            default:
                return Operator.GREATER;
        }
    }

    private static int firstUnescapedColon(String term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
