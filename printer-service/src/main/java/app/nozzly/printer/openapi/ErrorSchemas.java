package app.nozzly.printer.openapi;

/**
 * The error body components platform-commons puts in the served document, for the statuses beyond its common set
 * that printer work answers with: 422 (a printer configuration or request the printer cannot act on) and 502 (the
 * printer refused a command), specs/003 "HTTP Status Codes".
 */
public final class ErrorSchemas {

    /** specs/003 {"error": {code, message, details, timestamp, request_id}}. */
    public static final String ERROR_OBJECT = "ErrorErrorObject";
    /** specs/002 {"error", "status"}. */
    public static final String MESSAGE_STATUS = "ErrorMessageStatus";

    private ErrorSchemas() {
    }
}
