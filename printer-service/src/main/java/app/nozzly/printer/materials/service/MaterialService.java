package app.nozzly.printer.materials.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.TraySnapshot;
import app.nozzly.printer.materials.AmsTray;
import app.nozzly.printer.materials.api.MaterialApi.MaterialChange;
import app.nozzly.printer.materials.repository.AmsTrayRepository;
import app.nozzly.printer.notifications.service.NotificationService;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.repository.PrinterRepository;

/** specs/002 AMS Materials: slots synced from printer reports; vendor and cost stay as the user set them. */
@ApplicationScoped
@Transactional
public class MaterialService {

    @Inject
    NotificationService notifications;

    @Inject
    AmsTrayRepository trays;

    @Inject
    PrinterRepository printers;

    @Transactional(Transactional.TxType.MANDATORY)
    public void sync(String printerId, PrinterSnapshot previous, PrinterSnapshot current) {
        if (current.trays().isEmpty() || previous != null && previous.trays().equals(current.trays())) {
            return;
        }
        Printer printer = printers.byId(printerId).orElse(null);
        if (printer == null) {
            return;
        }
        Instant now = Instant.now();
        Map<String, AmsTray> stored = new LinkedHashMap<>();
        for (AmsTray tray : trays.ofPrinter(printerId)) {
            stored.put(tray.amsId + "/" + tray.trayId, tray);
        }
        for (TraySnapshot reported : current.trays()) {
            AmsTray tray = stored.get(reported.amsId() + "/" + reported.trayId());
            boolean isNew = tray == null;
            if (isNew) {
                tray = new AmsTray();
                tray.printerId = printerId;
                tray.amsId = reported.amsId();
                tray.trayId = reported.trayId();
                tray.slot = reported.slot();
            }
            boolean materialChanged = !Objects.equals(tray.materialType, reported.materialType())
                    || !Objects.equals(tray.color, reported.color());
            if (materialChanged) {
                tray.loadedAt = reported.loaded() ? now : null;
                if (!isNew) {
                    // another spool: the price and vendor of the old one no longer apply
                    tray.costPerKg = null;
                    tray.vendor = null;
                }
                if (!isNew && previous != null) {
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put("slot", tray.slot);
                    change.put("ams_id", tray.amsId);
                    change.put("tray_id", tray.trayId);
                    change.put("previous_material_type", tray.materialType);
                    change.put("previous_color", tray.color);
                    change.put("material_type", reported.materialType());
                    change.put("color", reported.color());
                    notifications.enqueue(printer, NotificationService.MATERIAL_CHANGE, change);
                }
            }
            tray.materialType = reported.materialType();
            tray.color = reported.color();
            tray.remainingPct = reported.remainPct();
            tray.weightGrams = reported.trayWeightGrams() == null || reported.remainPct() == null ? null
                    : reported.trayWeightGrams() * reported.remainPct() / 100;
            tray.trayUuid = reported.uuid();
            if (tray.vendor == null && reported.subBrand() != null) {
                tray.vendor = reported.subBrand().startsWith("PLA") || reported.subBrand().startsWith("PETG")
                        || reported.subBrand().startsWith("ABS") || reported.subBrand().startsWith("PA") ? "Bambu" : reported.subBrand();
            }
            tray.lastSynced = now;
            if (isNew) {
                trays.persist(tray);
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AmsTray> page(String printerId, int offset, Integer limit) {
        return trays.page(printerId, offset, limit);
    }

    public AmsTray update(long id, MaterialChange change) {
        AmsTray tray = trays.byId(id).orElseThrow(() -> ApiProblem.notFound("material", id));
        if (change.remainingPct() != null) {
            tray.remainingPct = change.remainingPct();
        }
        if (change.vendor() != null) {
            tray.vendor = change.vendor().isBlank() ? null : change.vendor().trim();
        }
        if (change.costPerKg() != null) {
            tray.costPerKg = change.costPerKg();
        }
        return tray;
    }
}
