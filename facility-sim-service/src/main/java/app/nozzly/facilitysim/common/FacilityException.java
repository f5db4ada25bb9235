package app.nozzly.facilitysim.common;

import java.util.ArrayList;
import java.util.List;

/** A business rule of specs/004 refused the request; the mapper turns it into the envelope with its code. */
public class FacilityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final BusinessCode code;
    private final transient Object data;
    private final transient List<Violation> violations;

    public FacilityException(BusinessCode code, Object data, String logDetail) {
        super(code.name() + ": " + logDetail);
        this.code = code;
        this.data = data;
        this.violations = List.of();
    }

    private FacilityException(List<Violation> violations) {
        super("VALIDATION_ERROR: " + violations);
        this.code = BusinessCode.VALIDATION_ERROR;
        this.data = null;
        this.violations = List.copyOf(violations);
    }

    public static FacilityException invalid(String field, Msg reason, Object... args) {
        return new FacilityException(List.of(Violation.of(field, reason, args)));
    }

    public static FacilityException forbidden(String field, Msg reason) {
        return new FacilityException(BusinessCode.FORBIDDEN, new Violation(field, reason, List.of()),
                field + " " + reason.name());
    }

    public BusinessCode code() {
        return code;
    }

    public Object data() {
        return data;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Collects every failed field rule of one request, so the client sees them all at once. */
    public static final class Validator {
        private final List<Violation> violations = new ArrayList<>();

        public Validator add(String field, Msg reason, Object... args) {
            violations.add(Violation.of(field, reason, args));
            return this;
        }

        public boolean ok(String field) {
            return violations.stream().noneMatch(v -> v.field().equals(field));
        }

        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new FacilityException(violations);
            }
        }
    }
}
