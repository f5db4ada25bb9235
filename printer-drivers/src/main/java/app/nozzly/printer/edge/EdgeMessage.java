package app.nozzly.printer.edge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import app.nozzly.printer.driver.PrinterEndpoint;
import app.nozzly.printer.driver.PrinterSnapshot;

/**
 * What printer-service and an edge agent say to each other over the agent's WebSocket: one JSON text frame per
 * message, its kind in {@code type}. Reports go up with the time the printer sent them; commands come down with an
 * id, and the agent answers a repeated id from its memory instead of running the command again.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = EdgeMessage.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = EdgeMessage.Report.class, name = "report"),
        @JsonSubTypes.Type(value = EdgeMessage.Identified.class, name = "identified"),
        @JsonSubTypes.Type(value = EdgeMessage.Lost.class, name = "lost"),
        @JsonSubTypes.Type(value = EdgeMessage.Result.class, name = "result"),
        @JsonSubTypes.Type(value = EdgeMessage.Chunk.class, name = "chunk"),
        @JsonSubTypes.Type(value = EdgeMessage.Watch.class, name = "watch"),
        @JsonSubTypes.Type(value = EdgeMessage.Unwatch.class, name = "unwatch"),
        @JsonSubTypes.Type(value = EdgeMessage.Command.class, name = "command") })
public sealed interface EdgeMessage {

    /**
     * The agent's first message on every connection.
     *
     * @param boot     changes each time the agent process starts (its report numbers start again)
     * @param printers the printers it still runs from its previous connection
     */
    record Hello(String version, String boot, String host, List<String> printers) implements EdgeMessage {
    }

    /** A printer's report, numbered per printer and boot; replayed in order after a disconnect. */
    record Report(String printerId, long seq, PrinterSnapshot snapshot) implements EdgeMessage {
    }

    /** A Bambu printer added without its serial named itself; its certificate is pinned from now on. */
    record Identified(String printerId, String serial, String certificateFingerprint) implements EdgeMessage {
    }

    /** The agent lost its connection to a printer and reconnects on its own. */
    record Lost(String printerId, String cause) implements EdgeMessage {
    }

    /**
     * A command's outcome.
     *
     * @param error   what the printer or the agent refused, null when it worked
     * @param value   what the command returns (files, description, upload path, a download's size), null when
     *                nothing
     * @param refusal set when the printer itself refused the command for want of authorization
     */
    record Result(String commandId, String error, JsonNode value, Refusal refusal) implements EdgeMessage {

        public Result(String commandId, String error, JsonNode value) {
            this(commandId, error, value, null);
        }
    }

    /** A printer's refusal of a command it takes only from authorized clients (its err_code as hex). */
    record Refusal(String command, String errorCode, String reason) {
    }

    /** A slice of a file on its way: down before an upload command, up before a download's result. */
    record Chunk(String commandId, byte[] data) implements EdgeMessage {
    }

    /** Runs this printer from the agent's network (again: the agent replays what it buffered). */
    record Watch(PrinterEndpoint endpoint) implements EdgeMessage {
    }

    /** The printer no longer goes through this agent (removed, deactivated or moved). */
    record Unwatch(String printerId) implements EdgeMessage {
    }

    /**
     * One driver call.
     *
     * @param path    the file of start_print, describe, download and upload; the name of upload_path
     * @param amsSlot start_print's filament slot
     */
    record Command(String commandId, String printerId, Action action, String path, Integer amsSlot)
            implements EdgeMessage {
    }

    /** The driver calls a command names. */
    enum Action {
        REFRESH, PAUSE, RESUME, STOP, START_PRINT, LIST_FILES, DESCRIBE, DOWNLOAD, UPLOAD_PATH, UPLOAD;

        /** Moves the printer or changes what it prints: never run twice for one command id. */
        public boolean moves() {
            return this == PAUSE || this == RESUME || this == STOP || this == START_PRINT || this == UPLOAD;
        }
    }
}
