package app.nozzly.printer.driver;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** Kept as JSON text in its column. */
    public static final class Column implements AttributeConverter<PrintFileMetadata, String> {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String convertToDatabaseColumn(PrintFileMetadata metadata) {
            try {
                return metadata == null ? null : JSON.writeValueAsString(metadata);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot store file metadata " + metadata, e);
            }
        }

        @Override
        public PrintFileMetadata convertToEntityAttribute(String column) {
            try {
                return column == null ? null : JSON.readValue(column, PrintFileMetadata.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable file metadata " + column, e);
            }
        }
    }
}
