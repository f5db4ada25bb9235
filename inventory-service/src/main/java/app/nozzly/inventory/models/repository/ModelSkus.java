package app.nozzly.inventory.models.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.nozzly.platform.tenancy.TenantContext;

/**
 * The skus that map models (module README, "Skus of models"): a model's own sku (primary) and extra ones, unique
 * per tenant across all models by the table's primary key. Native SQL, so every statement names the tenant itself.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ModelSkus {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    /** The model mapped by {@code sku}, if any. */
    public Optional<UUID> owner(String sku) {
        List<?> rows = em.createNativeQuery("select model_id from model_sku where tenant_id = ?1 and sku = ?2")
                .setParameter(1, tenants.require()).setParameter(2, sku).getResultList();
        return rows.stream().findFirst().map(id -> (UUID) id);
    }

    public boolean isPrimary(UUID modelId, String sku) {
        return !em.createNativeQuery("select 1 from model_sku where tenant_id = ?1 and sku = ?2 and model_id = ?3"
                + " and is_primary").setParameter(1, tenants.require()).setParameter(2, sku)
                .setParameter(3, modelId).getResultList().isEmpty();
    }

    /** The skus of each model, its own sku first, then the extra ones in the order they were added. */
    public Map<UUID, List<String>> of(Collection<UUID> modelIds) {
        Map<UUID, List<String>> skus = new LinkedHashMap<>();
        if (modelIds.isEmpty()) {
            return skus;
        }
        em.flush();
        List<?> rows = em.createNativeQuery("select model_id, sku from model_sku where tenant_id = ?1"
                + " and model_id in (?2) order by is_primary desc, created_at, sku")
                .setParameter(1, tenants.require()).setParameter(2, List.copyOf(modelIds)).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            skus.computeIfAbsent((UUID) columns[0], id -> new ArrayList<>()).add((String) columns[1]);
        }
        return skus;
    }

    public List<String> of(UUID modelId) {
        return of(List.of(modelId)).getOrDefault(modelId, List.of());
    }

    public void add(UUID modelId, String sku, boolean primary) {
        em.flush();
        em.createNativeQuery("insert into model_sku (tenant_id, sku, model_id, is_primary, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5)").setParameter(1, tenants.require()).setParameter(2, sku)
                .setParameter(3, modelId).setParameter(4, primary)
                .setParameter(5, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    public int remove(UUID modelId, String sku) {
        return em.createNativeQuery("delete from model_sku where tenant_id = ?1 and sku = ?2 and model_id = ?3")
                .setParameter(1, tenants.require()).setParameter(2, sku).setParameter(3, modelId).executeUpdate();
    }

    /** The model's own sku changed: its primary row follows. */
    public void renamePrimary(UUID modelId, String sku) {
        em.createNativeQuery("update model_sku set sku = ?2 where tenant_id = ?1 and model_id = ?3 and is_primary")
                .setParameter(1, tenants.require()).setParameter(2, sku).setParameter(3, modelId).executeUpdate();
    }
}
