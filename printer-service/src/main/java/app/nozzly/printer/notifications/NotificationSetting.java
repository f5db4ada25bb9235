package app.nozzly.printer.notifications;

import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import app.nozzly.printer.persistence.TenantRow;

/** Which printer events are announced and where (specs/002 Notifications). */
@Entity
@Table(name = "notification_setting")
@SequenceGenerator(sequenceName = "notification_setting_seq", allocationSize = 50)
public class NotificationSetting extends TenantRow {

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
