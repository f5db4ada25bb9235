package app.nozzly.platform.errors;

import jakarta.ws.rs.core.Response;

/** Reason phrases, including those JAX-RS' enum lacks. */
final class Statuses {

    private Statuses() {
    }

    static String reason(int status) {
        if (status == 422) {
            return "Unprocessable Content";
        }
        if (status == 429) {
            return "Too Many Requests";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
