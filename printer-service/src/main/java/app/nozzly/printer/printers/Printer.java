package app.nozzly.printer.printers;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** A configured printer: the registry behind specs/003 printers and specs/002 bambu/printers. */
@Entity
@Table(name = "printer")
public class Printer extends TenantEntity {

    /** The row's own key: {@link #id} is chosen by clients and unique per tenant only. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "printer_seq")
    @SequenceGenerator(name = "printer_seq", sequenceName = "printer_seq", allocationSize = 50)
    public Long pk;

    /** The printer id of both specs, unique within the tenant. */
    public String id;
    public String name;
    @Convert(converter = PrinterType.Column.class)
    public PrinterType type;
    @Convert(converter = ConnectionType.Column.class)
    public ConnectionType connectionType;
    public String model;
    public String ipAddress;
    public Integer port;
    public Integer ftpsPort;
    public String serialNumber;
    /** SHA-256 of the certificate a Bambu printer presented when its serial was learned from it (trusted first use). */
    public String certificateFingerprint;
    public String accessCode;
    public String username;
    public String caCertificate;
    /** The edge agent the printer is reached through; null when this service connects to it directly. */
    public String agentId;
    public String firmwareVersion;
    public String status;
    public boolean isActive;
    public boolean hasAms;
    public boolean hasCamera;
    public Instant lastSeen;
    public Instant createdAt;
    public Instant updatedAt;

    public boolean isBambu() {
        return type == PrinterType.BAMBU_LAB;
    }
}
