package app.nozzly.printer.notifications.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.notifications.NotificationSetting;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Notification settings of the tenant in scope, one per printer. */
@ApplicationScoped
public class NotificationSettingRepository implements PanacheRepositoryBase<NotificationSetting, Long> {

    public Optional<NotificationSetting> byId(long id) {
        return find("id", id).firstResultOptional();
    }

    public Optional<NotificationSetting> ofPrinter(String printerId) {
        return find("printerId", printerId).firstResultOptional();
    }

    public List<NotificationSetting> all() {
        return listAll(Sort.by("id"));
    }

    public List<NotificationSetting> page(int offset, Integer limit) {
        return findAll(Sort.by("id")).range(offset, Pagination.lastRow(offset, limit)).list();
    }

    public void deleteOfPrinter(String printerId) {
        delete("printerId", printerId);
    }
}
