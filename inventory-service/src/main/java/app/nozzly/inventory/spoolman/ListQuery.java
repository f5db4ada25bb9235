package app.nozzly.inventory.spoolman;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Spoolman's find semantics over one tenant's views (its filters' value grammar, "field:asc|desc" sorts with
 * unset values last either way, limit and offset): a tenant's Spoolman catalogue is small enough to be filtered in
 * memory after one query, which keeps every filter exactly as Spoolman words it.
 */
public final class ListQuery {

    private ListQuery() {
    }

    /** One sort key: the value to compare (a JSON value or a computed one) and the direction. */
    public record Sort(Function<ObjectNode, JsonNode> key, boolean ascending) {
    }

    /**
     * Spoolman's string filter: comma-separated terms, each a case-insensitive substring, an exact "quoted" term,
     * or empty for "no value" (null or "", unless {@code nullable} is false: then only "").
     */
    public static Predicate<ObjectNode> text(String path, String filter, boolean nullable) {
        if (filter == null) {
            return item -> true;
        }
        String[] terms = filter.split(",", -1);
        return item -> {
            JsonNode node = at(item, path);
            String value = node == null || node.isNull() ? null : node.asText();
            for (String term : terms) {
                if (term.isEmpty()) {
                    if ((value == null && nullable) || "".equals(value)) {
                        return true;
                    }
                } else if (term.length() > 1 && term.startsWith("\"") && term.endsWith("\"")) {
                    if (term.substring(1, term.length() - 1).equals(value)) {
                        return true;
                    }
                } else if (value != null && value.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Ids, comma-separated; -1 matches an unset reference when {@code minusOneIsNone}. */
    public static Predicate<ObjectNode> ids(String path, List<Long> ids, boolean minusOneIsNone) {
        if (ids == null) {
            return item -> true;
        }
        return item -> {
            JsonNode node = at(item, path);
            for (Long id : ids) {
                if (id == -1 && minusOneIsNone && (node == null || node.isNull())) {
                    return true;
                }
                if (node != null && node.canConvertToLong() && node.asLong() == id) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Parses "1,2,-3"; anything else is Spoolman's 422 for the parameter's pattern. */
    public static List<Long> idList(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("^-?\\d+(,-?\\d+)*$")) {
            throw SpoolmanError.invalid(List.of(Map.of("type", "string_pattern_mismatch", "loc", List.of("query", name),
                    "msg", "String should match pattern '^-?\\d+(,-?\\d+)*$'")));
        }
        List<Long> ids = new ArrayList<>();
        for (String part : value.split(",")) {
            ids.add(Long.valueOf(part));
        }
        return ids;
    }

    /**
     * Spoolman's date-time filter: comma-separated {@code start|end} ranges (either end open), exact instants, or
     * empty for "never".
     */
    public static Predicate<ObjectNode> time(String field, String filter) {
        if (filter == null) {
            return item -> true;
        }
        List<Predicate<OffsetDateTime>> terms = new ArrayList<>();
        for (String raw : filter.split(",", -1)) {
            String part = raw.length() > 1 && raw.startsWith("\"") && raw.endsWith("\"")
                    ? raw.substring(1, raw.length() - 1) : raw;
            if (part.isEmpty()) {
                terms.add(value -> value == null);
            } else if (part.contains("|")) {
                String start = part.substring(0, part.indexOf('|'));
                String end = part.substring(part.indexOf('|') + 1);
                if (start.isEmpty() && end.isEmpty()) {
                    throw new SpoolmanError(400, "Invalid datetime range filter for '" + field + "': '" + part
                            + "'. Expected '<start>|<end>' with at least one end given.");
                }
                OffsetDateTime from = start.isEmpty() ? null : bound(field, start);
                OffsetDateTime to = end.isEmpty() ? null : bound(field, end);
                terms.add(value -> value != null && (from == null || !value.isBefore(from))
                        && (to == null || !value.isAfter(to)));
            } else {
                OffsetDateTime exact = bound(field, part);
                terms.add(value -> value != null && value.isEqual(exact));
            }
        }
        return item -> {
            JsonNode node = item.get(field);
            OffsetDateTime value = node == null || node.isNull() ? null : OffsetDateTime.parse(node.asText());
            return terms.stream().anyMatch(term -> term.test(value));
        };
    }

    /**
     * Parses "a:asc,b.c:desc". {@code computed} names the fields whose sort value is not the JSON value of the
     * same path; {@code columns} are the paths Spoolman can sort by; {@code extra} gives the sort value of an extra
     * field by its key, or null for a key that is no field (Spoolman then ignores that sort).
     */
    public static List<Sort> sorts(String sort, Set<String> columns, Map<String, Function<ObjectNode, JsonNode>> computed,
            Function<String, Function<ObjectNode, JsonNode>> extra) {
        List<Sort> sorts = new ArrayList<>();
        if (sort == null) {
            return sorts;
        }
        for (String raw : sort.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            if (colon < 0) {
                throw new SpoolmanError(400, "Invalid sort '" + item + "', expected the form 'field:asc' or 'field:desc'.");
            }
            String field = item.substring(0, colon);
            String direction = item.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            if (field.isEmpty()) {
                throw new SpoolmanError(400, "Invalid sort '" + item + "', no field name was given.");
            }
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new SpoolmanError(400, "Invalid sort direction '" + item.substring(colon + 1) + "' for field '"
                        + field + "', expected 'asc' or 'desc'.");
            }
            if (field.startsWith("extra.")) {
                Function<ObjectNode, JsonNode> byField = extra.apply(field.substring("extra.".length()));
                if (byField != null) {
                    sorts.add(new Sort(byField, direction.equals("asc")));
                }
                continue;
            }
            Function<ObjectNode, JsonNode> key = computed.get(field);
            if (key == null) {
                if (!columns.contains(field)) {
                    throw new SpoolmanError(400, "Invalid field name '" + field + "', '" + field.split("\\.")[0]
                            + "' is not a valid field.");
                }
                key = node -> at(node, field);
            }
            sorts.add(new Sort(key, direction.equals("asc")));
        }
        return sorts;
    }

    /** Filters, sorts (stable: by id last), and cuts one page; the total is of all matches. */
    public static Page page(List<ObjectNode> items, Predicate<ObjectNode> filter, List<Sort> sorts, Integer limit,
            int offset) {
        List<ObjectNode> matching = new ArrayList<>(items.stream().filter(filter).toList());
        Comparator<ObjectNode> order = (a, b) -> 0;
        for (Sort sort : sorts) {
            order = order.thenComparing((a, b) -> compare(sort.key().apply(a), sort.key().apply(b), sort.ascending()));
        }
        order = order.thenComparingLong(node -> node.path("id").asLong());
        matching.sort(order);
        int total = matching.size();
        int from = Math.min(Math.max(offset, 0), total);
        int to = limit == null ? total : Math.min(total, from + Math.max(limit, 0));
        return new Page(matching.subList(from, to), total);
    }

    /** One page of matches and the number of all matches (X-Total-Count). */
    public record Page(List<ObjectNode> items, int total) {
    }

    public static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null || current.isNull()) {
                return null;
            }
            current = current.get(part);
        }
        return current;
    }

    private static int compare(JsonNode a, JsonNode b, boolean ascending) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return Boolean.compare(aNull, bNull);
        }
        int result;
        if (a.isNumber() && b.isNumber()) {
            result = Double.compare(a.doubleValue(), b.doubleValue());
        } else if (a.isBoolean() && b.isBoolean()) {
            result = Boolean.compare(a.booleanValue(), b.booleanValue());
        } else {
            result = a.asText().compareTo(b.asText());
        }
        return ascending ? result : -result;
    }

    private static OffsetDateTime bound(String field, String text) {
        OffsetDateTime time = text.isBlank() ? null : SpoolmanTimes.parse(text);
        if (time == null) {
            throw new SpoolmanError(400, "Invalid datetime '" + text + "' for '" + field
                    + "'. Expected an ISO 8601 datetime, e.g. 2024-05-01T00:00:00Z.");
        }
        return time;
    }
}
