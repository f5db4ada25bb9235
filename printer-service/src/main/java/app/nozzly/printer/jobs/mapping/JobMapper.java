package app.nozzly.printer.jobs.mapping;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.driver.PrintFileMetadata;
import app.nozzly.printer.events.JobEventPayload.TrayUsage;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.jobs.api.JobApi.Costs;
import app.nozzly.printer.jobs.api.JobApi.CustomerInfo;
import app.nozzly.printer.jobs.api.JobApi.FileInfo;
import app.nozzly.printer.jobs.api.JobApi.Job;
import app.nozzly.printer.jobs.api.JobApi.MaterialInfo;
import app.nozzly.printer.jobs.api.JobApi.PrintSettings;
import app.nozzly.printer.jobs.api.JobApi.QualityMetrics;

/** Job entity (and the printer file it printed) -> specs/003 job. */
public final class JobMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TrayUsage>> USAGE = new TypeReference<>() {
    };

    private JobMapper() {
    }

    /** The grams per AMS tray a job stored as JSON (trays_used). */
    public static List<TrayUsage> trays(String traysUsed) {
        try {
            return traysUsed == null ? List.of() : JSON.readValue(traysUsed, USAGE);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /** What the job ran with; what the printer did not report, the file's slicer metadata may say. */
    private static PrintSettings settings(PrintJob j, PrintFileMetadata sliced) {
        PrintFileMetadata file = sliced == null ? PrintFileMetadata.NONE : sliced;
        return new PrintSettings(j.layerHeight != null ? j.layerHeight : file.layerHeight(),
                j.infill != null ? j.infill : file.infill(), j.printSpeed,
                j.nozzleTemp != null ? j.nozzleTemp : file.nozzleTemperature(),
                j.bedTemp != null ? j.bedTemp : file.bedTemperature());
    }

    /** @param file the printer file the job printed, null when unknown */
    public static Job toApi(PrintJob j, PrinterFile file, Double totalCost) {
        Instant now = Instant.now();
        Instant end = j.endTime != null ? j.endTime : now;
        Long actual = j.startTime == null ? null : Duration.between(j.startTime, end).toSeconds();
        Instant completion = j.isActive() && j.remainingSeconds != null ? now.plusSeconds(j.remainingSeconds)
                : j.endTime;
        FileInfo fileInfo = j.fileName == null ? null
                : new FileInfo(j.fileName.substring(j.fileName.lastIndexOf('/') + 1),
                        file == null ? null : file.fileSize, file != null && file.printerPath != null
                                ? file.printerPath : j.fileName,
                        file == null ? null : file.sha256, file == null ? null : file.createdOnPrinter);
        return new Job(j.id, j.printerId, j.printerName, j.jobName, j.status, j.progress, j.layerCurrent, j.layerTotal,
                j.startTime, j.endTime, j.estimatedDuration, actual, completion,
                new MaterialInfo(j.materialType, j.materialBrand, j.materialColor, j.estimatedUsage, j.actualUsage,
                        j.costPerGram, trays(j.traysUsed)),
                fileInfo, settings(j, file == null ? null : file.metadata),
                new Costs(j.materialCost, j.powerCost, j.laborCost, totalCost),
                new QualityMetrics(j.firstLayerAdhesion, j.surfaceFinish, j.dimensionalAccuracy), j.isBusiness,
                j.customerOrderId == null && j.customerName == null ? null
                        : new CustomerInfo(j.customerOrderId, j.customerName),
                j.notes, j.scheduledPrintId, j.externalRef, j.createdAt, j.updatedAt);
    }
}
