package app.nozzly.facilitysim.world;

import java.util.Arrays;

/** What a facility on a hex tile is: one of the six raw-material origins of specs/004, or a WATER/POWER provider. */
public enum FacilityType {
    MINE, QUARRY, FOREST, FARM, RANCH, FISHERY, WATER, POWER;

    public static final FacilityType[] ORIGINS = Arrays.stream(values()).filter(FacilityType::producesMaterials)
            .toArray(FacilityType[]::new);

    public boolean producesMaterials() {
        return !isProvider();
    }

    public boolean isProvider() {
        return this == WATER || this == POWER;
    }
}
