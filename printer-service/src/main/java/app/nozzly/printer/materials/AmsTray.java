package app.nozzly.printer.materials;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import app.nozzly.printer.persistence.TenantRow;

/** One AMS slot (or external spool) of a printer, synced from its reports (specs/002 AMS Materials). */
@Entity
@Table(name = "ams_tray")
@SequenceGenerator(sequenceName = "ams_tray_seq", allocationSize = 50)
public class AmsTray extends TenantRow {

    public String printerId;
    public int amsId;
    public int trayId;
    public int slot;
    public String materialType;
    public String color;
    public Integer weightGrams;
    public Integer remainingPct;
    public String vendor;
    public Double costPerKg;
    public String trayUuid;
    public Instant loadedAt;
    public Instant lastSynced;
}
