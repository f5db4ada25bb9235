package app.nozzly.inventory.materialtypes.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.materialtypes.MaterialType;
import app.nozzly.inventory.materialtypes.rest.MaterialTypeApi;
import app.nozzly.inventory.spools.Spool;
import app.nozzly.inventory.spools.events.SpoolEvents;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.tenancy.TenantContext;

/** Material types of a tenant; codes are unique per tenant, compared without case and stored upper case. */
@ApplicationScoped
@Transactional
public class MaterialTypeService {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    SpoolEvents spoolEvents;

    public MaterialTypeApi.MaterialTypeView create(MaterialTypeApi.CreateMaterialType request) {
        if (MaterialType.findByCode(request.code()).isPresent()) {
            throw ApiProblem.conflict("material type " + normalize(request.code()) + " already exists");
        }
        MaterialType type = new MaterialType();
        type.id = UUID.randomUUID();
        type.code = normalize(request.code());
        type.name = request.name() == null || request.name().isBlank() ? type.code : request.name().trim();
        type.densityGCm3 = request.densityGCm3();
        type.nozzleTempC = request.nozzleTempC();
        type.bedTempC = request.bedTempC();
        type.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        type.updatedAt = type.createdAt;
        type.persistAndFlush();
        return MaterialTypeApi.view(type);
    }

    /**
     * The tenant's type with this code, created with defaults when the tenant has none yet (specs/002 POST).
     * Insert-or-ignore, so two first filaments of a new material at once both succeed.
     */
    public MaterialType findOrCreate(String code) {
        Optional<MaterialType> existing = MaterialType.findByCode(code);
        if (existing.isPresent()) {
            return existing.get();
        }
        String normalized = normalize(code);
        em.createNativeQuery("insert into material_type (id, tenant_id, code, name, created_at, updated_at)"
                + " values (?1, ?2, ?3, ?3, now(), now()) on conflict (tenant_id, code) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenants.require()).setParameter(3, normalized)
                .executeUpdate();
        return MaterialType.findByCode(normalized).orElseThrow(() -> new IllegalStateException(
                "material type " + normalized + " vanished right after its creation"));
    }

    public MaterialTypeApi.MaterialTypeView update(UUID id, MaterialTypeApi.UpdateMaterialType request) {
        MaterialType type = require(id);
        if (request.code() != null && !normalize(request.code()).equals(type.code)) {
            throw ApiProblem.invalidField("code", "cannot be changed; create a new material type instead");
        }
        boolean renamed = request.name() != null && !request.name().isBlank()
                && !request.name().trim().equals(type.name);
        if (renamed) {
            type.name = request.name().trim();
        }
        if (request.densityGCm3() != null) {
            type.densityGCm3 = request.densityGCm3();
        }
        if (request.nozzleTempC() != null) {
            type.nozzleTempC = request.nozzleTempC();
        }
        if (request.bedTempC() != null) {
            type.bedTempC = request.bedTempC();
        }
        type.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (renamed) {
            spoolEvents.typeChanged(type);
        }
        return MaterialTypeApi.view(type);
    }

    public void delete(UUID id) {
        MaterialType type = require(id);
        if (Spool.count("materialType", type) > 0) {
            throw ApiProblem.conflict("material type " + type.code + " is used by spools; archive them first");
        }
        type.delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MaterialTypeApi.MaterialTypeView get(UUID id) {
        return MaterialTypeApi.view(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<MaterialTypeApi.MaterialTypeView> list(String code, Paging paging) {
        var query = code == null || code.isBlank() ? MaterialType.<MaterialType>findAll(Sort.ascending("code"))
                : MaterialType.<MaterialType>find("upper(code) = ?1", Sort.ascending("code"), normalize(code));
        long total = query.count();
        List<MaterialTypeApi.MaterialTypeView> items = query.page(Page.of(paging.page() - 1, paging.size())).list()
                .stream().map(MaterialTypeApi::view).toList();
        return paging.result(items, total);
    }

    private static MaterialType require(UUID id) {
        return MaterialType.<MaterialType>findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("material type", id));
    }

    public static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
