package app.nozzly.printer.driver;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the slicer wrote into a print file (Bambu plate G-code header and slice info, PrusaSlicer metadata as
 * PrusaLink shows it): specs/003 file "metadata". Every field is optional; times in seconds, weights in grams.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PrintFileMetadata(Integer estimatedPrintTime, Double layerHeight, Integer layerCount, Integer infill,
        Boolean supportMaterial, String materialType, Integer nozzleTemperature, Integer bedTemperature,
        Double filamentGrams) {

    public static final PrintFileMetadata NONE = new PrintFileMetadata(null, null, null, null, null, null, null, null,
            null);

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }
}
