package app.nozzly.printer.files;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.driver.PrintFileMetadata;

/** A file's slicer metadata, kept as JSON text in its column. */
public final class PrintFileMetadataColumn implements AttributeConverter<PrintFileMetadata, String> {

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
