package app.nozzly.ordersync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What one logger of the service wrote while a test ran, as the messages an operator reads. */
public final class LogRecords extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private LogRecords(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public static LogRecords of(Class<?> loggingClass) {
        return new LogRecords(Logger.getLogger(loggingClass.getName()));
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        messages.add(parameters == null || parameters.length == 0 ? message : String.format(message, parameters));
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
