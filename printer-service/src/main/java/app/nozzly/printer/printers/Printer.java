package app.nozzly.printer.printers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A configured printer: the registry behind specs/003 printers and specs/002 bambu/printers. */
@Entity
@Table(name = "printer")
public class Printer extends PanacheEntityBase {

    public static final String TYPE_BAMBU = "bambu_lab";
    public static final String TYPE_PRUSA = "prusa";
    public static final String CONNECTION_LAN = "bambu_lan";
    public static final String CONNECTION_CLOUD = "bambu_cloud";
    public static final String CONNECTION_PRUSALINK = "prusalink";

    @Id
    public String id;

    @TenantId
    public String tenantId;

    public String name;
    public String type;
    public String connectionType;
    public String model;
    public String ipAddress;
    public Integer port;
    public Integer ftpsPort;
    public String serialNumber;
    public String accessCode;
    public String username;
    public String caCertificate;
    public String firmwareVersion;
    public String status;
    public boolean isActive;
    public boolean hasAms;
    public boolean hasCamera;
    public Instant lastSeen;
    public Instant createdAt;
    public Instant updatedAt;

    public boolean isBambu() {
        return TYPE_BAMBU.equals(type);
    }
}
