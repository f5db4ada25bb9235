package app.nozzly.printer.jobs;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import app.nozzly.printer.persistence.TenantRow;

/** A print job as the printer actually ran it (specs/003 Job Monitoring), created from its state reports. */
@Entity
@Table(name = "print_job")
@SequenceGenerator(sequenceName = "print_job_seq", allocationSize = 50)
public class PrintJob extends TenantRow {

    public String printerId;
    public String printerName;
    /** The printer's own id of the print (PrusaLink job id, Bambu task_id), when it reports one. */
    public String printerJobRef;
    public String jobName;
    /** The file the printer prints, as it names it; null for a print without a file (a serial print). */
    public String fileName;
    @Convert(converter = JobStatus.Column.class)
    public JobStatus status;
    public double progress;
    public Integer layerCurrent;
    public Integer layerTotal;
    public Integer remainingSeconds;
    public Instant startTime;
    public Instant endTime;
    public Integer estimatedDuration;
    public String materialType;
    public String materialColor;
    public String materialBrand;
    public Double estimatedUsage;
    public Double actualUsage;
    public Double costPerGram;
    public Double materialCost;
    public Double powerCost;
    public Double laborCost;
    /** specs/003 print_settings, from the file's slicer metadata and the printer's reports. */
    public Double layerHeight;
    public Integer infill;
    public Integer printSpeed;
    public Integer nozzleTemp;
    public Integer bedTemp;
    /** specs/003 quality_metrics, as an operator judged the print. */
    public String firstLayerAdhesion;
    public String surfaceFinish;
    public Double dimensionalAccuracy;
    /** JSON array of grams per AMS tray, as published in job events. */
    public String traysUsed;
    /** JSON snapshot of tray remain percentages when the job started, to compute usage at its end. */
    public String traysAtStart;
    public int lastMilestone;
    public boolean isBusiness;
    public String customerOrderId;
    public String customerName;
    public String notes;
    public Long scheduledPrintId;
    public String externalRef;
    public Instant createdAt;
    public Instant updatedAt;

    public boolean isActive() {
        return status.isActive();
    }
}
