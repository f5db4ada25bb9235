package app.nozzly.printer.driver;

/** A printer refused a command or could not be reached while sending it. */
public class PrinterCommandException extends RuntimeException {

    public PrinterCommandException(String message) {
        super(message);
    }

    public PrinterCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
