package app.nozzly.facilitysim.world.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.facilitysim.world.Facility;
import app.nozzly.facilitysim.world.InfrastructureConnection;
import app.nozzly.facilitysim.world.Team;
import app.nozzly.facilitysim.world.repository.ProviderUsageRepository;

/** Team, Facility, InfrastructureConnection -> administration API records. */
@ApplicationScoped
public class WorldMapper {

    @Inject
    ProviderUsageRepository usage;

    public WorldView.TeamView team(Team t) {
        return new WorldView.TeamView(t.id, t.name, t.funds, t.createdAt);
    }

    public WorldView.FacilityView facility(Facility f) {
        WorldView.Supply supply = null;
        if (f.type.isProvider()) {
            var window = usage.currentWindow();
            supply = new WorldView.Supply(f.unitPrice, f.capacityPerWindow, usage.used(f.id, window), window);
        }
        return new WorldView.FacilityView(f.id, f.teamId, f.name, f.type.name(), f.level,
                new WorldView.Location(f.q, f.r), f.storageCapacity, f.spaceUsed, f.availableSpace(), supply);
    }

    public WorldView.ConnectionView connection(InfrastructureConnection c, Facility provider) {
        return new WorldView.ConnectionView(c.id, c.facilityId, c.providerId, provider.name, provider.teamId,
                c.resourceType.name(), c.active);
    }
}
