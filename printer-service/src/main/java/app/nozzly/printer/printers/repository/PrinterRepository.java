package app.nozzly.printer.printers.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import app.nozzly.platform.persistence.Where;
import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.live.ConnectionSettings;
import app.nozzly.printer.printers.ConnectionType;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.PrinterType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Printers of the tenant in scope (Hibernate's tenant filter), looked up by the id clients gave them. */
@ApplicationScoped
public class PrinterRepository implements PanacheRepositoryBase<Printer, Long> {

    /** Its statements across tenants run on a connection of the service's system scope (row-level security). */
    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantContext tenants;

    public Optional<Printer> byId(String id) {
        return find("id", id).firstResultOptional();
    }

    /**
     * The printer with its row locked until the transaction ends. Every replica follows every printer; taken before
     * a report is turned into jobs, the lock makes the replicas do that one after the other, each seeing the jobs
     * the other stored.
     */
    public Optional<Printer> lockedById(String id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** One page of printers, oldest first, optionally only (in)active ones or one type; a null limit is no limit. */
    public List<Printer> page(Boolean active, PrinterType type, int offset, Integer limit) {
        Where where = filter(active, type);
        return find(where.clause(), Sort.by("createdAt").and("id"), where.parameters())
                .range(offset, Pagination.lastRow(offset, limit))
                .list();
    }

    public long count(Boolean active, PrinterType type) {
        Where where = filter(active, type);
        return count(where.clause(), where.parameters());
    }

    public List<Printer> active() {
        return list("isActive", Sort.by("id"), true);
    }

    /** Names of the given printers by id, in one query. */
    public Map<String, String> namesOf(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            find("id in ?1", ids).list().forEach(p -> names.put(p.id, p.name));
        }
        return names;
    }

    /** The connection settings of every active printer of every tenant, for connecting at startup. */
    public List<ConnectionSettings> activeOfAllTenants() {
        return active(null);
    }

    /** The connection settings of the active printers reached through one edge agent (any tenant's). */
    public List<ConnectionSettings> activeThrough(String agentId) {
        return active(agentId);
    }

    private List<ConnectionSettings> active(String agentId) {
        String sql = "select tenant_id, id, type, connection_type, model, ip_address, port, ftps_port, serial_number,"
                + " certificate_fingerprint, access_code, username, ca_certificate, agent_id from printer where is_active"
                + (agentId == null ? "" : " and agent_id = ?");
        List<ConnectionSettings> settings = new ArrayList<>();
        try (Connection connection = tenants.callAsSystem(dataSource::getConnection);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (agentId != null) {
                statement.setString(1, agentId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                read(rows, settings);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the printers to connect to", e);
        }
        return settings;
    }

    private static void read(ResultSet rows, List<ConnectionSettings> settings) throws SQLException {
        while (rows.next()) {
            settings.add(new ConnectionSettings(rows.getString(1), rows.getString(2),
                    new PrinterType.Column().convertToEntityAttribute(rows.getString(3)),
                    new ConnectionType.Column().convertToEntityAttribute(rows.getString(4)), rows.getString(5),
                    rows.getString(6), (Integer) rows.getObject(7), (Integer) rows.getObject(8), rows.getString(9),
                    rows.getString(10), rows.getString(11), rows.getString(12), rows.getString(13),
                    rows.getString(14)));
        }
    }

    /** The tenant's printers reached through an agent. */
    public List<AgentPrinter> throughAgents() {
        return find("agentId is not null order by id").project(AgentPrinter.class).list();
    }

    /** The ids of the tenant's printers reached through one agent. */
    public List<String> idsThrough(String agentId) {
        return find("agentId = ?1 order by id", agentId).project(AgentPrinter.class).list().stream()
                .map(AgentPrinter::printerId).toList();
    }

    /** A printer and the agent it is reached through. */
    public record AgentPrinter(String id, String agentId) {

        public String printerId() {
            return id;
        }
    }

    private static Where filter(Boolean active, PrinterType type) {
        return new Where()
                .and("isActive = :active", "active", active)
                .and("type = :type", "type", type);
    }
}
