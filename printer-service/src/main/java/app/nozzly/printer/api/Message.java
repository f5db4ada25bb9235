package app.nozzly.printer.api;

/** specs/002's answer that carries only a message, e.g. DELETE /bambu/printers/:id {"message": "Printer deleted"}. */
public record Message(String message) {
}
