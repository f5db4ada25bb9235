package app.nozzly.production.catalog.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.production.catalog.CatalogModel;
import app.nozzly.production.catalog.CatalogSpool;
import app.nozzly.production.client.InventoryModels;
import app.nozzly.production.support.Jdbc;

/**
 * production-service's copy of inventory-service's models and spools (ARCHITECTURE.md, Events: reads stay home), of
 * the current tenant only: every statement names the tenant, and the tables' row-level security holds it too. A
 * version (inventory's updated_at) replaces a stored row only when it is newer, so a late or repeated event never
 * undoes a newer one.
 */
@ApplicationScoped
public class Catalog {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CatalogModel> model(UUID id) {
        return Optional.ofNullable(models(Set.of(id)).get(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CatalogSpool> spool(UUID id) {
        return Optional.ofNullable(spools(Set.of(id)).get(id));
    }

    /** The known models among {@code ids}; an id never seen is absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, CatalogModel> models(Collection<UUID> ids) {
        return select("select id, name, sku from inventory_model where tenant_id = ? and id = any(?)", ids,
                row -> new CatalogModel(row.getObject(1, UUID.class), row.getString(2), row.getString(3)));
    }

    /** The known spools among {@code ids}; an id never seen is absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, CatalogSpool> spools(Collection<UUID> ids) {
        return select("select id, spool_id, brand, color, material_type_code, material_type_name, cost_per_gram"
                + " from inventory_spool where tenant_id = ? and id = any(?)", ids,
                row -> new CatalogSpool(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getObject(7, Double.class)));
    }

    /**
     * The rows of {@code sql} (the tenant its first parameter, the ids its second) by id, read over the unit of work's
     * connection with plain JDBC: these run on every read of a run, and Hibernate spent more on resolving a native
     * query's result mapping each time than the database spent answering it.
     */
    private <T> Map<UUID, T> select(String sql, Collection<UUID> ids, Jdbc.Row<T> row) {
        Map<UUID, T> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String tenant = tenants.require();
        em.unwrap(Session.class).doWork(connection -> Jdbc.rows(connection, sql, statement -> {
            statement.setString(1, tenant);
            statement.setArray(2, connection.createArrayOf("uuid", Set.copyOf(ids).toArray()));
        }, rs -> Map.entry(rs.getObject(1, UUID.class), row.read(rs)))
                .forEach(entry -> found.put(entry.getKey(), entry.getValue())));
        return found;
    }

    /** Keeps what inventory answered a write (a model created before its events existed, say) as that version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(InventoryModels.Model answer) {
        if (answer.updatedAt() != null) {
            keep(new CatalogModel(answer.id(), answer.name(), answer.sku()), answer.updatedAt());
        }
    }

    /** Keeps what inventory answered a write as that version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(InventoryModels.Spool answer) {
        if (answer.updatedAt() != null) {
            InventoryModels.MaterialType type = answer.materialType();
            keep(new CatalogSpool(answer.id(), answer.spoolId(), answer.brand(), answer.color(),
                    type == null ? null : type.code(), type == null ? null : type.name(), answer.costPerGram()),
                    answer.updatedAt());
        }
    }

    /** Keeps this version of the model unless a newer one is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(CatalogModel model, OffsetDateTime version) {
        upsert("inventory_model", model.id(), version, "insert into inventory_model (tenant_id, id, updated_at, name,"
                + " sku) values (?, ?, ?, ?, ?) on conflict (tenant_id, id) do update"
                + " set name = excluded.name, sku = excluded.sku, updated_at = excluded.updated_at"
                + " where inventory_model.updated_at < excluded.updated_at", statement -> {
                    statement.setString(4, model.name());
                    statement.setString(5, model.sku());
                });
    }

    /** Keeps this version of the spool unless a newer one is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(CatalogSpool spool, OffsetDateTime version) {
        upsert("inventory_spool", spool.id(), version, "insert into inventory_spool (tenant_id, id, updated_at,"
                + " spool_id, brand, color, material_type_code, material_type_name, cost_per_gram)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, id) do update"
                + " set spool_id = excluded.spool_id, brand = excluded.brand, color = excluded.color,"
                + " material_type_code = excluded.material_type_code,"
                + " material_type_name = excluded.material_type_name, cost_per_gram = excluded.cost_per_gram,"
                + " updated_at = excluded.updated_at where inventory_spool.updated_at < excluded.updated_at",
                statement -> {
                    statement.setString(4, spool.spoolId());
                    statement.setString(5, spool.brand());
                    statement.setString(6, spool.color());
                    statement.setString(7, spool.materialTypeCode());
                    statement.setString(8, spool.materialTypeName());
                    statement.setObject(9, spool.costPerGram(), Types.DOUBLE);
                });
    }

    /**
     * Runs {@code upsert} (tenant, id and version its first three parameters, {@code values} setting the rest) unless
     * this version, or a newer one, is stored already. That check reads without a lock, so the runs that all keep
     * the same model or spool do not queue on its row until their transactions end (an upsert locks the row even
     * when it changes nothing). Plain JDBC on the unit of work's connection, as {@link #select}: every run's create
     * and completion keeps its models and spools, and a native query made Hibernate flush the whole session first.
     */
    private void upsert(String table, UUID id, OffsetDateTime version, String upsert, Jdbc.Parameters values) {
        String tenant = tenants.require();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement holds = connection.prepareStatement("select 1 from " + table
                    + " where tenant_id = ? and id = ? and updated_at >= ?")) {
                identify(holds, tenant, id, version);
                try (ResultSet rs = holds.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                identify(statement, tenant, id, version);
                values.set(statement);
                statement.executeUpdate();
            }
        });
    }

    private static void identify(PreparedStatement statement, String tenant, UUID id, OffsetDateTime version)
            throws SQLException {
        statement.setString(1, tenant);
        statement.setObject(2, id);
        statement.setObject(3, version);
    }
}
