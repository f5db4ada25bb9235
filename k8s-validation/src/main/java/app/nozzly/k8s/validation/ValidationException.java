package app.nozzly.k8s.validation;

/** A tool the validation needs (Kustomize, Node.js) is missing or failed in a way no manifest explains. */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
