package app.nozzly.printer.queue.mapping;

import app.nozzly.printer.queue.ScheduledPrint;
import app.nozzly.printer.queue.api.ScheduledPrintApi.QueueEntry;
import app.nozzly.printer.queue.api.ScheduledPrintApi.ScheduledPrintView;

/** Scheduled print entity -> specs/002 records. */
public final class ScheduledPrintMapper {

    private ScheduledPrintMapper() {
    }

    public static ScheduledPrintView toApi(ScheduledPrint p) {
        return new ScheduledPrintView(p.id, p.printerId, p.jobName, p.fileName, p.materialType, p.materialSlot,
                p.estimatedDurationMinutes, p.status, p.priority, p.scheduledStart, p.externalRef,
                p.dispatchedPrinterId, p.jobId, p.lastError, p.createdAt, p.updatedAt);
    }

    public static QueueEntry toQueueEntry(ScheduledPrint p) {
        return new QueueEntry(p.id, p.jobName, p.status, p.priority, p.estimatedDurationMinutes);
    }
}
