package app.nozzly.printer.driver;

/**
 * The printer answered that it does not take this command from us: its firmware requires authorization for
 * third-party control (Bambu Lab Authorization Control since 2025, without LAN-only Developer Mode). Nothing was
 * changed on the printer; it stays readable and is read-only until a command succeeds or it reports Developer Mode.
 */
public class CommandRefusedException extends PrinterCommandException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final String errorCode;
    private final String reason;

    /**
     * @param errorCode the printer's err_code as hex, e.g. "0x05024007"
     * @param reason what the printer said, e.g. "mqtt message verify failed"
     */
    public CommandRefusedException(String printerId, String command, String errorCode, String reason) {
        super("printer " + printerId + " refused " + command + ": " + reason + " (err_code " + errorCode + ")");
        this.command = command;
        this.errorCode = errorCode;
        this.reason = reason;
    }

    public String command() {
        return command;
    }

    public String errorCode() {
        return errorCode;
    }

    public String reason() {
        return reason;
    }
}
