package app.nozzly.printer.notifications.service;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.printer.notifications.DeliveryStatus;
import app.nozzly.printer.notifications.NotificationSetting;
import app.nozzly.printer.notifications.WebhookDelivery;
import app.nozzly.printer.notifications.api.NotificationApi.SettingsChange;
import app.nozzly.printer.notifications.repository.NotificationSettingRepository;
import app.nozzly.printer.notifications.repository.WebhookDeliveryRepository;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.repository.PrinterRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * specs/002 Notifications: settings per printer, and the webhook deliveries their events cause. A delivery is a
 * row written in the transaction of the event, so it is sent exactly when the event happened, even after a restart.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    public static final String PRINT_START = "print_start";
    public static final String PRINT_COMPLETE = "print_complete";
    public static final String PRINT_FAILED = "print_failed";
    public static final String MATERIAL_CHANGE = "material_change";
    /** Chain contract C5: stock reserved by open production runs fell below its threshold. */
    public static final String LOW_STOCK = "low_stock";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ObjectMapper json;

    @Inject
    NotificationSettingRepository settings;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    PrinterRepository printers;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Printer printer, String event, Object data) {
        NotificationSetting setting = settings.ofPrinter(printer.id).orElse(null);
        if (setting == null || setting.webhookUrl == null || !wants(setting, event)) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("printer_id", printer.id);
        body.put("printer_name", printer.name);
        body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("data", data);
        persist(setting, event, body);
    }

    /**
     * A notification about the farm rather than one printer (low_stock): one delivery per distinct webhook URL of
     * the tenant's settings that want material notifications, signed with the secret of the first such setting.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueueForTenant(String event, Object data) {
        Map<String, NotificationSetting> byUrl = new LinkedHashMap<>();
        for (NotificationSetting setting : settings.all()) {
            if (setting.webhookUrl != null && wants(setting, event)) {
                byUrl.putIfAbsent(setting.webhookUrl, setting);
            }
        }
        for (NotificationSetting setting : byUrl.values()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("event", event);
            body.put("printer_id", null);
            body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            body.put("data", data);
            persist(setting, event, body);
        }
        return byUrl.size();
    }

    private void persist(NotificationSetting setting, String event, Map<String, Object> body) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.settingId = setting.id;
        delivery.printerId = setting.printerId;
        delivery.event = event;
        delivery.url = setting.webhookUrl;
        try {
            delivery.payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize webhook body for " + event, e);
        }
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = Instant.now();
        delivery.createdAt = Instant.now();
        deliveries.persist(delivery);
    }

    private static boolean wants(NotificationSetting setting, String event) {
        return switch (event) {
            case PRINT_START -> setting.notifyPrintStart;
            case PRINT_COMPLETE -> setting.notifyPrintComplete;
            case PRINT_FAILED -> setting.notifyPrintFailed;
            case MATERIAL_CHANGE, LOW_STOCK -> setting.notifyMaterialChange;
            default -> false;
        };
    }

    /**
     * The settings of a printer, created with defaults (everything but maintenance on, no webhook) on first read;
     * simultaneous first reads make them once and all answer with them.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public NotificationSetting forPrinter(String printerId) {
        if (printers.byId(printerId).isEmpty()) {
            throw ApiProblem.notFound("printer", printerId);
        }
        return settings.ofPrinter(printerId).orElseGet(() -> {
            try {
                return QuarkusTransaction.requiringNew().call(() -> createDefaults(printerId));
            } catch (PersistenceException e) {
                // another request made them between our read and our insert: (tenant, printer) is unique
                return settings.ofPrinter(printerId).orElseThrow(() -> e);
            }
        });
    }

    private NotificationSetting createDefaults(String printerId) {
        NotificationSetting setting = new NotificationSetting();
        setting.printerId = printerId;
        setting.notifyPrintStart = true;
        setting.notifyPrintComplete = true;
        setting.notifyPrintFailed = true;
        setting.notifyMaterialChange = true;
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        setting.webhookSecret = HexFormat.of().formatHex(secret);
        settings.persistAndFlush(setting);
        return setting;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NotificationSetting> page(int offset, Integer limit) {
        return settings.page(offset, limit);
    }

    public NotificationSetting update(long id, SettingsChange change) {
        NotificationSetting setting = settings.byId(id)
                .orElseThrow(() -> ApiProblem.notFound("notification settings", id));
        if (change.webhookUrl() != null && !change.webhookUrl().isBlank()) {
            URI uri;
            try {
                uri = URI.create(change.webhookUrl().trim());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("webhook_url is not a URL: " + change.webhookUrl());
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ApiProblem.badRequest("webhook_url must be an http or https URL");
            }
            setting.webhookUrl = uri.toString();
        } else if (change.webhookUrl() != null) {
            setting.webhookUrl = null;
        }
        if (change.webhookSecret() != null) {
            setting.webhookSecret = change.webhookSecret();
        }
        setting.notifyPrintStart = pick(change.notifyPrintStart(), setting.notifyPrintStart);
        setting.notifyPrintComplete = pick(change.notifyPrintComplete(), setting.notifyPrintComplete);
        setting.notifyPrintFailed = pick(change.notifyPrintFailed(), setting.notifyPrintFailed);
        setting.notifyMaterialChange = pick(change.notifyMaterialChange(), setting.notifyMaterialChange);
        setting.notifyMaintenance = pick(change.notifyMaintenance(), setting.notifyMaintenance);
        setting.emailEnabled = pick(change.emailEnabled(), setting.emailEnabled);
        return setting;
    }

    private static boolean pick(Boolean value, boolean current) {
        return value == null ? current : value;
    }

    /** One page of a setting's delivery log, newest first, with the log's size. */
    public record DeliveryLog(List<WebhookDelivery> deliveries, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryLog deliveries(long settingId, int offset, int limit) {
        if (settings.byId(settingId).isEmpty()) {
            throw ApiProblem.notFound("notification settings", settingId);
        }
        return new DeliveryLog(deliveries.ofSetting(settingId, offset, limit), deliveries.countOfSetting(settingId));
    }
}
