package app.nozzly.printer.materials;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One AMS slot (or external spool) of a printer, synced from its reports (specs/002 AMS Materials). */
@Entity
@Table(name = "ams_tray")
public class AmsTray extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ams_tray_seq")
    @SequenceGenerator(name = "ams_tray_seq", sequenceName = "ams_tray_seq", allocationSize = 50)
    public Long id;

    @TenantId
    public String tenantId;

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
