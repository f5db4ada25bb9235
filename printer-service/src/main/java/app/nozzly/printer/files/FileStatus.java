package app.nozzly.printer.files;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/003 file status, with the icon the spec shows for it. */
@EnumNaming(SpecEnumNaming.class)
public enum FileStatus implements WireEnum {
    AVAILABLE("\uD83D\uDCC1"),
    DOWNLOADING("\u23EC"),
    DOWNLOADED("\u2713"),
    LOCAL("\uD83D\uDCBE"),
    ERROR("\u26A0");

    private final String icon;

    FileStatus(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }

    public static final class Column extends WireEnum.Column<FileStatus> {
        public Column() {
            super(FileStatus.class);
        }
    }
}
