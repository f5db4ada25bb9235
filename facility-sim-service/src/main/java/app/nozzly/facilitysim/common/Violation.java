package app.nozzly.facilitysim.common;

import java.util.List;

/** One failed field rule of a request; its reason is put into words in the caller's language. */
public record Violation(String field, Msg reason, List<Object> args) {

    public static Violation of(String field, Msg reason, Object... args) {
        return new Violation(field, reason, List.of(args));
    }
}
