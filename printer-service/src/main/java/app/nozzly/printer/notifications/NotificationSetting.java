package app.nozzly.printer.notifications;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Which printer events are announced and where (specs/002 Notifications). */
@Entity
@Table(name = "notification_setting")
public class NotificationSetting extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_setting_seq")
    @SequenceGenerator(name = "notification_setting_seq", sequenceName = "notification_setting_seq", allocationSize = 50)
    public Long id;

    @TenantId
    public String tenantId;

    public String printerId;
    public boolean notifyPrintStart;
    public boolean notifyPrintComplete;
    public boolean notifyPrintFailed;
    public boolean notifyMaterialChange;
    public boolean notifyMaintenance;
    public boolean emailEnabled;
    public String webhookUrl;
    public String webhookSecret;
}
