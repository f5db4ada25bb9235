package app.nozzly.facilitysim.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.nozzly.platform.errors.ApiProblem;

/**
 * A rule of specs/004 refused the request: its {@link BusinessCode} (the problem's code is its name) and the data
 * the envelope carries. Failed field rules travel as {@link Violation}s under {@code errors}, put into words in the
 * caller's language when the envelope is written ({@link FacilityEnvelope}).
 */
public class FacilityException extends ApiProblem {

    private static final long serialVersionUID = 1L;

    public FacilityException(BusinessCode code, Map<String, ?> data, String logDetail) {
        super(code.httpStatus(), code.name(), code.name() + ": " + logDetail, data);
    }

    public static FacilityException invalid(String field, Msg reason, Object... args) {
        return new Validator().add(field, reason, args).exception();
    }

    public static FacilityException forbidden(String field, Msg reason) {
        return new FacilityException(BusinessCode.FORBIDDEN, errors(List.of(Violation.of(field, reason))),
                field + " " + reason.name());
    }

    public static FacilityException conflict(String field, Msg reason, Object... args) {
        return new FacilityException(BusinessCode.CONFLICT, errors(List.of(Violation.of(field, reason, args))),
                field + " " + reason.name());
    }

    public static FacilityException notFound(BusinessCode code, Object id) {
        return new FacilityException(code, Map.of(), String.valueOf(id));
    }

    public BusinessCode businessCode() {
        return BusinessCode.valueOf(code());
    }

    private static Map<String, Object> errors(List<Violation> violations) {
        return Map.of(FacilityEnvelope.ERRORS, List.copyOf(violations));
    }

    /** Collects every failed rule of one request, so the client sees them all at once. */
    public static final class Validator {
        private final List<Violation> violations = new ArrayList<>();

        public Validator add(String field, Msg reason, Object... args) {
            violations.add(Violation.of(field, reason, args));
            return this;
        }

        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw exception();
            }
        }

        private FacilityException exception() {
            return new FacilityException(BusinessCode.VALIDATION_ERROR, errors(violations),
                    violations.stream().map(v -> v.field() + " " + v.reason().name()).toList().toString());
        }
    }
}
