package app.nozzly.facilitysim.world.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.nozzly.facilitysim.common.BusinessCode;
import app.nozzly.facilitysim.common.FacilityException;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.common.PageOf;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.common.Decimals;
import app.nozzly.facilitysim.world.Facility;
import app.nozzly.facilitysim.world.FacilityType;
import app.nozzly.facilitysim.world.InfrastructureConnection;
import app.nozzly.facilitysim.world.ResourceType;
import app.nozzly.facilitysim.world.Team;
import app.nozzly.facilitysim.world.mapping.WorldView;
import app.nozzly.platform.tenancy.TenantContext;
import io.quarkus.panache.common.Sort;

/** The rules of setting up a game: teams and funds, facilities on free tiles, connections to providers. */
@ApplicationScoped
@Transactional
public class WorldService {

    private static final Logger LOG = Logger.getLogger(WorldService.class);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    public record Created<T>(T value, boolean created) {
    }

    public Team createTeam(WorldView.CreateTeam request) {
        String name = request.name().trim();
        if (Team.count("name", name) > 0) {
            throw FacilityException.conflict("name", Msg.NAME_TAKEN);
        }
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.name = name;
        team.funds = (request.funds() == null ? BigDecimal.ZERO : request.funds())
                .setScale(Decimals.MONEY_SCALE, RoundingMode.HALF_UP);
        team.createdAt = now();
        team.persist();
        LOG.infof("tenant %s created team %s (%s) with funds %s", tenants.require(), team.id, name, team.funds);
        return team;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Team team(UUID id) {
        return Team.<Team>findByIdOptional(id).orElseThrow(() -> FacilityException.notFound(BusinessCode.TEAM_NOT_FOUND,
                "team " + id + " of tenant " + tenants.require()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Team> teams(PageRequest page) {
        return PageOf.of(Team.findAll(Sort.by("name")), page);
    }

    public Team grantFunds(UUID teamId, WorldView.GrantFunds request) {
        Team team = team(teamId);
        // the same row lock production takes, so a grant and a payment never overwrite each other
        em.refresh(team, LockModeType.PESSIMISTIC_WRITE);
        team.funds = team.funds.add(request.amount()).setScale(Decimals.MONEY_SCALE, RoundingMode.HALF_UP);
        LOG.infof("tenant %s granted %s to team %s, funds now %s", tenants.require(), request.amount(), teamId,
                team.funds);
        return team;
    }

    public Facility placeFacility(WorldView.CreateFacility request) {
        boolean provider = request.type().isProvider();
        if (provider) {
            FacilityException.Validator v = new FacilityException.Validator();
            if (request.unitPrice() == null) {
                v.add("unitPrice", Msg.PROVIDER_NEEDS_PRICE);
            }
            if (request.capacity() == null) {
                v.add("capacity", Msg.PROVIDER_NEEDS_PRICE);
            }
            v.throwIfAny();
        }
        team(request.teamId());
        if (Facility.count("q = ?1 and r = ?2", request.q(), request.r()) > 0) {
            throw FacilityException.conflict("q", Msg.TILE_OCCUPIED, request.q(), request.r());
        }
        Facility f = new Facility();
        f.id = UUID.randomUUID();
        f.teamId = request.teamId();
        f.name = request.name().trim();
        f.type = request.type();
        f.level = request.level() == null ? 1 : request.level();
        f.q = request.q();
        f.r = request.r();
        f.storageCapacity = (request.storageCapacity() == null ? BigDecimal.ZERO : request.storageCapacity())
                .setScale(Decimals.QUANTITY_SCALE, RoundingMode.HALF_UP);
        f.spaceUsed = BigDecimal.ZERO.setScale(Decimals.QUANTITY_SCALE);
        f.unitPrice = provider ? request.unitPrice().setScale(Decimals.MONEY_SCALE, RoundingMode.HALF_UP) : null;
        f.capacityPerWindow = provider
                ? request.capacity().setScale(Decimals.QUANTITY_SCALE, RoundingMode.HALF_UP)
                : null;
        f.createdAt = now();
        f.persist();
        LOG.infof("tenant %s placed %s facility %s for team %s at (%d, %d)", tenants.require(), f.type, f.id,
                f.teamId, f.q, f.r);
        return f;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Facility facility(UUID id) {
        return Facility.<Facility>findByIdOptional(id).orElseThrow(() -> FacilityException.notFound(
                BusinessCode.FACILITY_NOT_FOUND, "facility " + id + " of tenant " + tenants.require()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Facility> facilities(Optional<UUID> teamId, Optional<FacilityType> type, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        teamId.ifPresent(t -> {
            where.append(" and teamId = :team");
            params.put("team", t);
        });
        type.ifPresent(t -> {
            where.append(" and type = :type");
            params.put("type", t);
        });
        return PageOf.of(Facility.find(where.toString(), Sort.by("createdAt").and("id"), params), page);
    }

    public Facility updateFacility(UUID id, WorldView.UpdateFacility request) {
        Facility f = facility(id);
        // the same lock production takes, so a price or capacity change never lands inside a production
        em.refresh(f, LockModeType.PESSIMISTIC_WRITE);
        if (!f.type.isProvider() && (request.unitPrice() != null || request.capacity() != null)) {
            throw FacilityException.invalid(request.unitPrice() != null ? "unitPrice" : "capacity",
                    Msg.NOT_A_PROVIDER);
        }
        if (request.storageCapacity() != null && request.storageCapacity().compareTo(f.spaceUsed) < 0) {
            throw FacilityException.invalid("storageCapacity", Msg.NOT_BELOW_USED_SPACE,
                    f.spaceUsed.toPlainString());
        }
        if (request.name() != null) {
            f.name = request.name().trim();
        }
        if (request.level() != null) {
            f.level = request.level();
        }
        if (request.storageCapacity() != null) {
            f.storageCapacity = request.storageCapacity().setScale(Decimals.QUANTITY_SCALE, RoundingMode.HALF_UP);
        }
        if (request.unitPrice() != null) {
            f.unitPrice = request.unitPrice().setScale(Decimals.MONEY_SCALE, RoundingMode.HALF_UP);
        }
        if (request.capacity() != null) {
            f.capacityPerWindow = request.capacity().setScale(Decimals.QUANTITY_SCALE, RoundingMode.HALF_UP);
        }
        LOG.infof("tenant %s updated facility %s", tenants.require(), id);
        return f;
    }

    /** Connects a producing facility to a provider; an existing connection of that resource is re-pointed. */
    public Created<InfrastructureConnection> connect(WorldView.Connect request) {
        FacilityException.Validator v = new FacilityException.Validator();
        Facility facility = facility(request.facilityId());
        Facility provider = facility(request.providerId());
        if (!facility.type.producesMaterials()) {
            v.add("facilityId", Msg.NOT_A_PRODUCER);
        }
        if (!provider.type.isProvider()) {
            v.add("providerId", Msg.NOT_A_PROVIDER);
        }
        v.throwIfAny();
        ResourceType resource = provider.type == FacilityType.WATER ? ResourceType.WATER : ResourceType.POWER;
        Optional<InfrastructureConnection> existing = InfrastructureConnection.of(facility.id, resource);
        InfrastructureConnection connection = existing.orElseGet(InfrastructureConnection::new);
        if (existing.isEmpty()) {
            connection.id = UUID.randomUUID();
            connection.facilityId = facility.id;
            connection.resourceType = resource;
            connection.createdAt = now();
        }
        connection.providerId = provider.id;
        connection.active = true;
        if (existing.isEmpty()) {
            connection.persist();
        }
        LOG.infof("tenant %s connected facility %s to %s provider %s", tenants.require(), facility.id, resource,
                provider.id);
        return new Created<>(connection, existing.isEmpty());
    }

    public InfrastructureConnection updateConnection(UUID id, WorldView.UpdateConnection request) {
        InfrastructureConnection connection = connection(id);
        connection.active = request.active();
        LOG.infof("tenant %s set connection %s active=%s", tenants.require(), id, connection.active);
        return connection;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InfrastructureConnection connection(UUID id) {
        return InfrastructureConnection.<InfrastructureConnection>findByIdOptional(id)
                .orElseThrow(() -> FacilityException.notFound(BusinessCode.CONNECTION_NOT_FOUND,
                        "connection " + id + " of tenant " + tenants.require()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InfrastructureConnection> connections(UUID facilityId) {
        facility(facilityId);
        return InfrastructureConnection.list("facilityId", Sort.by("resourceType"), facilityId);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
