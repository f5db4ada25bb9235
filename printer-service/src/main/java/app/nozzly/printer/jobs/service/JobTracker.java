package app.nozzly.printer.jobs.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.platform.outbox.Outbox;
import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.driver.TraySnapshot;
import app.nozzly.printer.events.JobEventPayload;
import app.nozzly.printer.events.JobEventPayload.TrayUsage;
import app.nozzly.printer.events.Topics;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.materials.AmsTray;
import app.nozzly.printer.notifications.service.NotificationService;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.queue.ScheduledPrint;
import app.nozzly.printer.ws.LiveSocket;

/**
 * Creates and follows jobs from what printers actually do (their gcode_state / printer.state transitions): a job
 * starts when a printer starts printing, moves with its progress, and ends as completed, failed or cancelled.
 * Each step writes its printer.jobs event to the outbox in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JobTracker {

    private static final Logger LOG = Logger.getLogger(JobTracker.class);
    private static final int[] MILESTONES = { 25, 50, 75 };
    private static final int DEFAULT_SPOOL_GRAMS = 1000;
    /** Bambu print_error 0300_400C "The task was canceled": stopped on the printer, not a failure. */
    static final String CANCELLED_BY_PRINTER = "300400C";
    /** How long after a user's cancel a printer may still report the print as running. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final TypeReference<List<TraySnapshot>> TRAYS = new TypeReference<>() {
    };

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    NotificationService notifications;

    @Inject
    LiveSocket socket;

    @Inject
    PrinterConfig config;

    public void track(String printerId, PrinterSnapshot previous, PrinterSnapshot current) {
        PrinterState state = current.state();
        if (state == PrinterState.OFFLINE) {
            return;
        }
        Printer printer = Printer.findById(printerId);
        if (printer == null) {
            return;
        }
        PrintJob open = PrintJob.<PrintJob> find("printerId = ?1 and status in ('printing', 'paused') order by id desc",
                printerId).firstResult();
        if (open != null && current.jobName() != null && state.isActive() && !sameJob(open, current)) {
            // the printer moved on to another job between two reports: the earlier one ended unseen
            end(printer, open, current, open.progress >= 100 ? PrintJob.COMPLETED : PrintJob.FAILED);
            open = null;
        }
        if (state.isActive()) {
            if (open == null && justCancelled(printerId, current)) {
                // a report sent before the printer processed the user's stop: the job is over already
                return;
            }
            if (open == null) {
                open = start(printer, current);
            }
            follow(printer, open, current);
            return;
        }
        boolean terminal = state == PrinterState.FINISHED || state == PrinterState.FAILED || state == PrinterState.ERROR;
        if (open == null && terminal && previous != null && previous.state() != state
                && previous.state() != PrinterState.OFFLINE && !previous.state().isActive()
                && current.jobName() != null) {
            // a print so short that it started and ended between two reports
            open = start(printer, current);
        }
        if (open != null) {
            String outcome = switch (state) {
                case FINISHED -> PrintJob.COMPLETED;
                case FAILED, ERROR -> CANCELLED_BY_PRINTER.equals(current.printError()) ? PrintJob.CANCELLED
                        : PrintJob.FAILED;
                default -> PrintJob.CANCELLED;
            };
            end(printer, open, current, outcome);
        }
    }

    private static boolean justCancelled(String printerId, PrinterSnapshot current) {
        PrintJob last = PrintJob.<PrintJob> find("printerId = ?1 order by id desc", printerId).firstResult();
        return last != null && PrintJob.CANCELLED.equals(last.status) && last.endTime != null
                && last.endTime.isAfter(Instant.now().minus(STOP_GRACE)) && sameJob(last, current);
    }

    private static boolean sameJob(PrintJob job, PrinterSnapshot current) {
        return Objects.equals(job.jobName, current.jobName()) || Objects.equals(job.fileName, current.fileName())
                && current.fileName() != null;
    }

    private PrintJob start(Printer printer, PrinterSnapshot current) {
        Instant now = Instant.now();
        PrintJob job = new PrintJob();
        job.printerId = printer.id;
        job.printerName = printer.name;
        job.jobName = current.jobName() != null ? current.jobName() : Optional.ofNullable(current.fileName()).orElse("unnamed");
        job.fileName = current.fileName();
        job.status = PrintJob.PRINTING;
        job.startTime = now;
        job.createdAt = now;
        job.updatedAt = now;
        if (current.remainingSeconds() != null && current.remainingSeconds() > 0) {
            job.estimatedDuration = current.remainingSeconds();
        }
        job.traysAtStart = write(current.trays());
        ScheduledPrint scheduled = ScheduledPrint.<ScheduledPrint> find(
                "dispatchedPrinterId = ?1 and status = ?2 and jobId is null order by startedAt", printer.id,
                ScheduledPrint.STARTED).firstResult();
        Integer slot = null;
        if (scheduled != null) {
            job.scheduledPrintId = scheduled.id;
            job.externalRef = scheduled.externalRef;
            job.materialType = scheduled.materialType;
            slot = scheduled.materialSlot;
            if (job.estimatedDuration == null && scheduled.estimatedDurationMinutes != null) {
                job.estimatedDuration = scheduled.estimatedDurationMinutes * 60;
            }
        }
        TraySnapshot tray = trayFor(current.trays(), slot, job.materialType);
        if (tray != null) {
            job.materialType = tray.materialType();
            job.materialColor = tray.color();
            job.materialBrand = tray.subBrand();
            AmsTray stored = AmsTray.find("printerId = ?1 and amsId = ?2 and trayId = ?3", printer.id, tray.amsId(),
                    tray.trayId()).firstResult();
            if (stored != null && stored.costPerKg != null) {
                job.costPerGram = stored.costPerKg / 1000.0;
            }
            if (stored != null && stored.vendor != null) {
                job.materialBrand = stored.vendor;
            }
        }
        job.persistAndFlush();
        if (scheduled != null) {
            scheduled.jobId = job.id;
            scheduled.updatedAt = now;
        }
        LOG.infof("tenant %s printer %s started job %d (%s)", printer.tenantId, printer.id, job.id, job.jobName);
        publish(Topics.JOB_STARTED, job);
        notifications.enqueue(printer, NotificationService.PRINT_START, payload(job));
        return job;
    }

    private void follow(Printer printer, PrintJob job, PrinterSnapshot current) {
        String status = current.state() == PrinterState.PAUSED ? PrintJob.PAUSED : PrintJob.PRINTING;
        double progress = current.progress() == null ? job.progress : current.progress();
        boolean changed = !status.equals(job.status) || progress != job.progress
                || !Objects.equals(job.layerCurrent, current.layerCurrent())
                || !Objects.equals(job.remainingSeconds, current.remainingSeconds());
        if (!changed) {
            return;
        }
        job.status = status;
        job.progress = progress;
        job.layerCurrent = current.layerCurrent();
        job.layerTotal = current.layerTotal() != null ? current.layerTotal() : job.layerTotal;
        job.remainingSeconds = current.remainingSeconds();
        if (job.estimatedDuration == null && current.remainingSeconds() != null && progress > 0) {
            job.estimatedDuration = (int) Duration.between(job.startTime, Instant.now()).toSeconds()
                    + current.remainingSeconds();
        }
        job.updatedAt = Instant.now();
        for (int milestone : MILESTONES) {
            if (progress >= milestone && job.lastMilestone < milestone) {
                job.lastMilestone = milestone;
                publish(Topics.JOB_PROGRESS, job);
            }
        }
        socket.send(printer.tenantId, "job_update", payload(job));
    }

    private void end(Printer printer, PrintJob job, PrinterSnapshot current, String outcome) {
        Instant now = Instant.now();
        job.status = outcome;
        job.endTime = now;
        job.updatedAt = now;
        job.remainingSeconds = 0;
        if (PrintJob.COMPLETED.equals(outcome)) {
            job.progress = 100;
            job.layerCurrent = job.layerTotal != null ? job.layerTotal : job.layerCurrent;
        }
        List<TrayUsage> usage = usage(job, current);
        double grams = usage.stream().map(TrayUsage::grams).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
        if (current.filamentUsedGrams() != null) {
            job.actualUsage = current.filamentUsedGrams();
        } else if (grams > 0) {
            job.actualUsage = grams;
        }
        job.traysUsed = write(usage);
        JobCosts.apply(job, config.costs());
        if (job.scheduledPrintId != null) {
            ScheduledPrint scheduled = ScheduledPrint.findById(job.scheduledPrintId);
            if (scheduled != null) {
                scheduled.status = switch (outcome) {
                    case PrintJob.COMPLETED -> ScheduledPrint.COMPLETED;
                    case PrintJob.CANCELLED -> ScheduledPrint.CANCELLED;
                    default -> ScheduledPrint.FAILED;
                };
                scheduled.finishedAt = now;
                scheduled.updatedAt = now;
            }
        }
        LOG.infof("tenant %s printer %s job %d ended: %s", printer.tenantId, printer.id, job.id, outcome);
        publish(PrintJob.COMPLETED.equals(outcome) ? Topics.JOB_FINISHED : Topics.JOB_FAILED, job);
        notifications.enqueue(printer, PrintJob.COMPLETED.equals(outcome) ? NotificationService.PRINT_COMPLETE
                : NotificationService.PRINT_FAILED, payload(job));
        socket.send(printer.tenantId, "job_update", payload(job));
    }

    /** Marks a job cancelled by a user (the stop command was already sent to the printer). */
    public void cancelled(Printer printer, PrintJob job) {
        end(printer, job, PrinterSnapshot.offline(null), PrintJob.CANCELLED);
    }

    private List<TrayUsage> usage(PrintJob job, PrinterSnapshot current) {
        List<TrayUsage> usage = new ArrayList<>();
        List<TraySnapshot> before = read(job.traysAtStart);
        for (TraySnapshot start : before) {
            TraySnapshot end = current.trays().stream()
                    .filter(t -> t.amsId() == start.amsId() && t.trayId() == start.trayId()).findFirst().orElse(null);
            if (end == null || start.remainPct() == null || end.remainPct() == null || end.remainPct() >= start.remainPct()) {
                continue;
            }
            int spool = start.trayWeightGrams() == null ? DEFAULT_SPOOL_GRAMS : start.trayWeightGrams();
            double grams = Math.round((start.remainPct() - end.remainPct()) * spool / 100.0 * 10) / 10.0;
            usage.add(new TrayUsage(start.amsId(), start.trayId(), start.materialType(), start.color(), grams));
        }
        if (usage.isEmpty() && current.filamentUsedGrams() != null) {
            TraySnapshot tray = trayFor(before, null, job.materialType);
            usage.add(new TrayUsage(tray == null ? 0 : tray.amsId(), tray == null ? 0 : tray.trayId(), job.materialType,
                    job.materialColor, current.filamentUsedGrams()));
        }
        return usage;
    }

    static TraySnapshot trayFor(List<TraySnapshot> trays, Integer slot, String materialType) {
        if (slot != null) {
            for (TraySnapshot tray : trays) {
                if (tray.slot() == slot && tray.loaded()) {
                    return tray;
                }
            }
        }
        for (TraySnapshot tray : trays) {
            if (tray.loaded() && (materialType == null || materialType.equalsIgnoreCase(tray.materialType()))) {
                return tray;
            }
        }
        return null;
    }

    public JobEventPayload payload(PrintJob job) {
        List<TrayUsage> trays = job.traysUsed == null ? List.of() : readUsage(job.traysUsed);
        return new JobEventPayload(job.id, job.printerId, job.printerName, job.jobName, job.status, job.progress,
                job.startTime, job.endTime, job.actualUsage, trays, job.scheduledPrintId, job.externalRef);
    }

    private void publish(String type, PrintJob job) {
        outbox.publish(Topics.JOBS, job.printerId, type, payload(job));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value, e);
        }
    }

    private List<TraySnapshot> read(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, TRAYS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private List<TrayUsage> readUsage(String text) {
        try {
            return json.readValue(text, new TypeReference<List<TrayUsage>>() {
            });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
