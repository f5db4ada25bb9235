package app.nozzly.printer.files;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.printer.api.ApiValue;

/** specs/003 file status, with the icon the spec shows for it. */
public enum FileStatus implements ApiValue {
    AVAILABLE("available", "\uD83D\uDCC1"),
    DOWNLOADING("downloading", "\u23EC"),
    DOWNLOADED("downloaded", "\u2713"),
    LOCAL("local", "\uD83D\uDCBE"),
    ERROR("error", "\u26A0");

    private final String value;
    private final String icon;

    FileStatus(String value, String icon) {
        this.value = value;
        this.icon = icon;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    public String icon() {
        return icon;
    }

    public static final class Column extends ApiValueConverter<FileStatus> {
        public Column() {
            super(FileStatus.class);
        }
    }
}
