package app.nozzly.printer.jobs.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.platform.outbox.Outbox;
import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.driver.PrintFileMetadata;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterSnapshot.JobReport;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.driver.TraySnapshot;
import app.nozzly.printer.events.JobEventPayload;
import app.nozzly.printer.events.JobEventPayload.TrayUsage;
import app.nozzly.printer.events.Topics;
import app.nozzly.printer.files.repository.PrinterFileRepository;
import app.nozzly.printer.jobs.JobStatus;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.jobs.mapping.JobMapper;
import app.nozzly.printer.jobs.repository.PrintJobRepository;
import app.nozzly.printer.materials.repository.AmsTrayRepository;
import app.nozzly.printer.notifications.service.NotificationService;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.repository.PrinterRepository;
import app.nozzly.printer.queue.ScheduledPrint;
import app.nozzly.printer.queue.ScheduledPrintStatus;
import app.nozzly.printer.queue.repository.ScheduledPrintRepository;
import app.nozzly.printer.ws.LiveSocket;

/**
 * Creates and follows jobs from what printers actually do (their gcode_state / printer.state transitions): a job
 * starts when a printer starts printing (or is first seen printing), moves with its progress, and ends as completed,
 * failed or cancelled. Each step writes its printer.jobs event to the outbox in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JobTracker {

    private static final Logger LOG = Logger.getLogger(JobTracker.class);
    private static final int[] MILESTONES = { 25, 50, 75 };
    private static final int DEFAULT_SPOOL_GRAMS = 1000;
    /** What a job is called when the printer names neither the print nor its file. */
    static final String UNTITLED = "Untitled print";
    /** Bambu print_error 0300_400C "The task was canceled": stopped on the printer, not a failure. */
    static final String CANCELLED_BY_PRINTER = "300400C";
    /** How long after a user's cancel a printer that names no job id may still report the print as running. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How long a report naming a print whose job ended is taken as late rather than as that print again. */
    private static final Duration LATE_REPORTS = Duration.ofMinutes(10);
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

    @Inject
    PrintJobRepository jobs;

    @Inject
    PrinterRepository printers;

    @Inject
    ScheduledPrintRepository scheduled;

    @Inject
    AmsTrayRepository trays;

    @Inject
    PrinterFileRepository files;

    public void track(String printerId, PrinterSnapshot previous, PrinterSnapshot current) {
        PrinterState state = current.state();
        if (state == PrinterState.OFFLINE) {
            return;
        }
        Printer printer = printers.lockedById(printerId).orElse(null);
        if (printer == null) {
            return;
        }
        PrintJob open = jobs.open(printerId).orElse(null);
        if (isLate(printerId, open, current.job())) {
            return;
        }
        if (open != null && state.isActive() && hasIdentity(current.job()) && !sameJob(open, current.job())) {
            // the printer moved on to another job between two reports: the earlier one ended unseen
            end(printer, open, current, open.progress >= 100 ? JobStatus.COMPLETED : JobStatus.FAILED);
            open = null;
        }
        if (state.isActive()) {
            if (open == null && stillStopping(printerId, current.job())) {
                // the printer still reports the print a user stopped: the job is over already
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
                && hasIdentity(current.job()) && !stillStopping(printerId, current.job())) {
            // a print so short that it started and ended between two reports
            open = start(printer, current);
        }
        if (open != null) {
            JobStatus outcome = switch (state) {
                case FINISHED -> JobStatus.COMPLETED;
                case FAILED, ERROR -> CANCELLED_BY_PRINTER.equals(current.printError()) ? JobStatus.CANCELLED
                        : JobStatus.FAILED;
                default -> JobStatus.CANCELLED;
            };
            end(printer, open, current, outcome);
        }
    }

    /**
     * A report of a print whose job already ended, turned into jobs late: by the second replica following the printer,
     * or from a backlog after the database was away. Taken as news, it would end the running job and start the old
     * print again.
     */
    private boolean isLate(String printerId, PrintJob open, JobReport report) {
        String ref = report.printerJobRef();
        return ref != null && (open == null || !ref.equals(open.printerJobRef))
                && jobs.endedSince(printerId, ref, Instant.now().minus(LATE_REPORTS));
    }

    private static boolean hasIdentity(JobReport report) {
        return report.printerJobRef() != null || report.name() != null || report.file() != null;
    }

    /**
     * Whether the printer reports the print a user just cancelled: the same printer job id for as long as it does
     * (PrusaLink keeps reporting a stopped job while it parks), else the same name for a short grace period.
     */
    private boolean stillStopping(String printerId, JobReport report) {
        PrintJob last = jobs.latest(printerId).orElse(null);
        if (last == null || last.status != JobStatus.CANCELLED || last.endTime == null) {
            return false;
        }
        if (last.printerJobRef != null && report.printerJobRef() != null) {
            return last.printerJobRef.equals(report.printerJobRef());
        }
        return last.endTime.isAfter(Instant.now().minus(STOP_GRACE)) && sameJob(last, report);
    }

    /** The same print: by the printer's own job id when both have one, else by name or file. */
    private static boolean sameJob(PrintJob job, JobReport report) {
        if (job.printerJobRef != null && report.printerJobRef() != null) {
            return job.printerJobRef.equals(report.printerJobRef());
        }
        return Objects.equals(job.jobName, nameOf(report))
                || report.file() != null && Objects.equals(job.fileName, report.file());
    }

    private static String nameOf(JobReport report) {
        return report.name() != null ? report.name() : report.file() != null ? report.file() : UNTITLED;
    }

    private PrintJob start(Printer printer, PrinterSnapshot current) {
        Instant now = Instant.now();
        JobReport report = current.job();
        PrintJob job = new PrintJob();
        job.printerId = printer.id;
        job.printerName = printer.name;
        job.printerJobRef = report.printerJobRef();
        job.jobName = nameOf(report);
        job.fileName = report.file();
        job.status = JobStatus.PRINTING;
        // a print found under way started before we saw it
        job.startTime = now.minusSeconds(
                JobTiming.elapsedWhenFound(report.elapsedSeconds(), report.progress(), report.remainingSeconds()));
        job.createdAt = now;
        job.updatedAt = now;
        job.traysAtStart = write(current.trays());
        // what the printer says about its print file, else what its slicer wrote into it (read when listed)
        PrintFileMetadata settings = report.settings().isEmpty() && report.file() != null
                ? files.printedAs(printer.id, report.file()).map(f -> f.metadata).orElse(PrintFileMetadata.NONE)
                : report.settings();
        job.materialType = settings.materialType();
        job.estimatedUsage = settings.filamentGrams();
        job.layerHeight = settings.layerHeight();
        job.infill = settings.infill();
        job.nozzleTemp = settings.nozzleTemperature();
        job.bedTemp = settings.bedTemperature();
        ScheduledPrint print = scheduled.dispatchedTo(printer.id).orElse(null);
        Integer slot = null;
        if (print != null) {
            // the name the user scheduled it under, rather than the file's
            job.jobName = print.jobName;
            job.scheduledPrintId = print.id;
            job.externalRef = print.externalRef;
            job.materialType = print.materialType != null ? print.materialType : job.materialType;
            slot = print.materialSlot;
        }
        job.estimatedDuration = JobTiming.estimatedDuration(Duration.between(job.startTime, now).toSeconds(),
                report.remainingSeconds());
        if (job.estimatedDuration == null) {
            job.estimatedDuration = settings.estimatedPrintTime() != null ? settings.estimatedPrintTime()
                    : print != null && print.estimatedDurationMinutes != null ? print.estimatedDurationMinutes * 60
                            : null;
        }
        TraySnapshot tray = trayFor(current.trays(), slot, job.materialType);
        if (tray != null) {
            job.materialType = tray.materialType();
            job.materialColor = tray.color();
            job.materialBrand = tray.subBrand();
            trays.slot(printer.id, tray.amsId(), tray.trayId()).ifPresent(stored -> {
                if (stored.costPerKg != null) {
                    job.costPerGram = stored.costPerKg / 1000.0;
                }
                if (stored.vendor != null) {
                    job.materialBrand = stored.vendor;
                }
            });
        }
        jobs.persistAndFlush(job);
        if (print != null) {
            print.jobId = job.id;
            print.updatedAt = now;
        }
        LOG.infof("tenant %s printer %s started job %d (%s)", printer.tenantId, printer.id, job.id, job.jobName);
        publish(Topics.JOB_STARTED, job);
        notifications.enqueue(printer, NotificationService.PRINT_START, payload(job));
        return job;
    }

    private void follow(Printer printer, PrintJob job, PrinterSnapshot current) {
        JobReport report = current.job();
        Instant now = Instant.now();
        JobStatus status = current.state() == PrinterState.PAUSED ? JobStatus.PAUSED : JobStatus.PRINTING;
        double progress = report.progress() == null ? job.progress : report.progress();
        Integer nozzleTarget = whole(current.temperatures().nozzleTarget());
        Integer bedTarget = whole(current.temperatures().bedTarget());
        boolean changed = status != job.status || progress != job.progress
                || !Objects.equals(job.layerCurrent, report.layerCurrent())
                || !Objects.equals(job.remainingSeconds, report.remainingSeconds())
                || report.speedPercent() != null && !report.speedPercent().equals(job.printSpeed)
                || positive(nozzleTarget) && !nozzleTarget.equals(job.nozzleTemp)
                || positive(bedTarget) && !bedTarget.equals(job.bedTemp);
        if (!changed) {
            return;
        }
        job.status = status;
        job.progress = progress;
        job.layerCurrent = report.layerCurrent();
        job.layerTotal = report.layerTotal() != null ? report.layerTotal() : job.layerTotal;
        job.remainingSeconds = report.remainingSeconds();
        long elapsed = report.elapsedSeconds() != null ? report.elapsedSeconds()
                : Duration.between(job.startTime, now).toSeconds();
        Integer estimated = JobTiming.estimatedDuration(elapsed, report.remainingSeconds());
        if (estimated != null) {
            job.estimatedDuration = estimated;
        }
        if (report.speedPercent() != null) {
            job.printSpeed = report.speedPercent();
        }
        // the targets while printing are the temperatures the print runs at
        job.nozzleTemp = positive(nozzleTarget) ? nozzleTarget : job.nozzleTemp;
        job.bedTemp = positive(bedTarget) ? bedTarget : job.bedTemp;
        job.updatedAt = now;
        for (int milestone : MILESTONES) {
            if (progress >= milestone && job.lastMilestone < milestone) {
                job.lastMilestone = milestone;
                publish(Topics.JOB_PROGRESS, job);
            }
        }
        socket.sendOnCommit(printer.tenantId, "job_update", payload(job));
    }

    private static boolean positive(Integer value) {
        return value != null && value > 0;
    }

    private static Integer whole(Double value) {
        return value == null ? null : (int) Math.round(value);
    }

    private void end(Printer printer, PrintJob job, PrinterSnapshot current, JobStatus outcome) {
        Instant now = Instant.now();
        job.status = outcome;
        job.endTime = now;
        job.updatedAt = now;
        job.remainingSeconds = 0;
        if (outcome == JobStatus.COMPLETED) {
            job.progress = 100;
            job.layerCurrent = job.layerTotal != null ? job.layerTotal : job.layerCurrent;
        }
        List<TrayUsage> usage = usage(job, current);
        double grams = usage.stream().map(TrayUsage::grams).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .sum();
        if (current.job().filamentUsedGrams() != null) {
            job.actualUsage = current.job().filamentUsedGrams();
        } else if (grams > 0) {
            job.actualUsage = grams;
        } else if (job.estimatedUsage != null) {
            // a printer that reports no usage (PrusaLink): the sliced grams, as far as the print got
            double share = outcome == JobStatus.COMPLETED ? 1 : Math.min(100, Math.max(0, job.progress)) / 100;
            job.actualUsage = Math.round(job.estimatedUsage * share * 10) / 10.0;
        }
        job.traysUsed = write(usage);
        JobCosts.apply(job, config.costs(), now);
        if (job.scheduledPrintId != null) {
            scheduled.byId(job.scheduledPrintId).ifPresent(print -> {
                print.status = switch (outcome) {
                    case COMPLETED -> ScheduledPrintStatus.COMPLETED;
                    case CANCELLED -> ScheduledPrintStatus.CANCELLED;
                    default -> ScheduledPrintStatus.FAILED;
                };
                print.finishedAt = now;
                print.updatedAt = now;
            });
        }
        LOG.infof("tenant %s printer %s job %d ended: %s", printer.tenantId, printer.id, job.id, outcome.value());
        publish(outcome == JobStatus.COMPLETED ? Topics.JOB_FINISHED : Topics.JOB_FAILED, job);
        notifications.enqueue(printer, outcome == JobStatus.COMPLETED ? NotificationService.PRINT_COMPLETE
                : NotificationService.PRINT_FAILED, payload(job));
        socket.sendOnCommit(printer.tenantId, "job_update", payload(job));
    }

    /** Marks a job cancelled by a user (the stop command was already sent to the printer). */
    public void cancelled(Printer printer, PrintJob job) {
        end(printer, job, PrinterSnapshot.offline(null), JobStatus.CANCELLED);
    }

    /** Grams per AMS tray from the drop of its remain percentage (trays already bounded to 0..100 %). */
    private List<TrayUsage> usage(PrintJob job, PrinterSnapshot current) {
        List<TrayUsage> usage = new ArrayList<>();
        List<TraySnapshot> before = read(job.traysAtStart);
        for (TraySnapshot start : before) {
            TraySnapshot end = current.trays().stream()
                    .filter(t -> t.amsId() == start.amsId() && t.trayId() == start.trayId()).findFirst().orElse(null);
            if (end == null || start.remainPct() == null || end.remainPct() == null
                    || end.remainPct() >= start.remainPct()) {
                continue;
            }
            int spool = start.trayWeightGrams() == null ? DEFAULT_SPOOL_GRAMS : start.trayWeightGrams();
            double grams = Math.round((start.remainPct() - end.remainPct()) * spool / 100.0 * 10) / 10.0;
            usage.add(new TrayUsage(start.amsId(), start.trayId(), start.materialType(), start.color(), grams));
        }
        Double reported = current.job().filamentUsedGrams();
        if (usage.isEmpty() && reported != null) {
            TraySnapshot tray = trayFor(before, null, job.materialType);
            usage.add(new TrayUsage(tray == null ? 0 : tray.amsId(), tray == null ? 0 : tray.trayId(), job.materialType,
                    job.materialColor, reported));
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
        List<TrayUsage> used = JobMapper.trays(job.traysUsed);
        return new JobEventPayload(job.id, job.printerId, job.printerName, job.jobName, job.status.value(),
                job.progress, job.startTime, job.endTime, job.actualUsage, used, job.scheduledPrintId, job.externalRef);
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
}
