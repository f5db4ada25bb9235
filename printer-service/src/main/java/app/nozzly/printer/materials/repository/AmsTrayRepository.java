package app.nozzly.printer.materials.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.materials.AmsTray;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** AMS slots of the tenant in scope. */
@ApplicationScoped
public class AmsTrayRepository implements PanacheRepositoryBase<AmsTray, Long> {

    public Optional<AmsTray> byId(long id) {
        return find("id", id).firstResultOptional();
    }

    public List<AmsTray> ofPrinter(String printerId) {
        return list("printerId", Sort.by("slot"), printerId);
    }

    public Optional<AmsTray> slot(String printerId, int amsId, int trayId) {
        return find("printerId = ?1 and amsId = ?2 and trayId = ?3", printerId, amsId, trayId).firstResultOptional();
    }

    public List<AmsTray> page(String printerId, int offset, Integer limit) {
        return (printerId == null ? findAll(Sort.by("printerId").and("slot"))
                : find("printerId", Sort.by("slot"), printerId)).range(offset, Pagination.lastRow(offset, limit))
                .list();
    }

    public void deleteOfPrinter(String printerId) {
        delete("printerId", printerId);
    }
}
