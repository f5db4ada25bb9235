package app.nozzly.facilitysim.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** sortOrder of specs/004's lists. */
@Schema(enumeration = { "asc", "desc" })
public enum SortOrder implements WireName {
    ASC, DESC;

    @Override
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
