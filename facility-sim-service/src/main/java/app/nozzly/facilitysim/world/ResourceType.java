package app.nozzly.facilitysim.world;

/** The two utilities every production consumes (specs/004 requiredConnections). */
public enum ResourceType {
    WATER, POWER;

    public FacilityType providerType() {
        return this == WATER ? FacilityType.WATER : FacilityType.POWER;
    }
}
