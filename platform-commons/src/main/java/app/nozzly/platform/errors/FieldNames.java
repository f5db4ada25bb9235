package app.nozzly.platform.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;

/** Field names as the client wrote them: JSON paths in the service's naming, never Java method or class names. */
final class FieldNames {

    private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\d*)\\]");

    private FieldNames() {
    }

    /**
     * A Bean Validation property path ({@code create.request.lines[0].unitCost}, {@code list.pageSize}) as the
     * client's field ({@code lines[0].unit_cost}, {@code page_size}): the method and parameter segments go.
     */
    static String ofViolation(String propertyPath, ObjectMapper json) {
        String[] segments = propertyPath.split("\\.");
        // method, then parameter: a body's fields follow them; a query or path parameter is the second segment
        int first = segments.length > 2 ? 2 : segments.length - 1;
        List<String> names = new ArrayList<>();
        for (int i = Math.max(0, first); i < segments.length; i++) {
            names.add(translate(segments[i], json));
        }
        return String.join(".", names);
    }

    private static String translate(String segment, ObjectMapper json) {
        Matcher indexed = INDEXED.matcher(segment);
        if (indexed.matches()) {
            return translate(indexed.group(1), json) + "[" + indexed.group(2) + "]";
        }
        if (segment.startsWith("arg") || segment.startsWith("<")) {
            return segment;
        }
        PropertyNamingStrategy strategy = json.getPropertyNamingStrategy();
        if (strategy instanceof PropertyNamingStrategies.NamingBase naming) {
            return naming.translate(segment);
        }
        return segment;
    }
}
