package app.nozzly.production.support;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Unique values a client chooses (run numbers, recipe versions) are unique per tenant by constraint; two concurrent
 * creates of one value both pass any check before inserting, so the constraint decides and the loser answers 409.
 */
public final class UniqueValues {

    private UniqueValues() {
    }

    /** Whether {@code e} is the violation of the unique constraint {@code constraint}. */
    public static boolean violated(PersistenceException e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
