package app.nozzly.inventory.spools.rest;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code archived} filter of the spool list: false (default) hides archived spools, true lists only them. */
public enum ArchivedFilter {
    @JsonProperty("false")
    FALSE(Boolean.FALSE),
    @JsonProperty("true")
    TRUE(Boolean.TRUE),
    @JsonProperty("any")
    ANY(null);

    private final Boolean archived;

    ArchivedFilter(Boolean archived) {
        this.archived = archived;
    }

    /** The archived flag the list keeps; null keeps every spool. */
    public Boolean archived() {
        return archived;
    }

    /** JAX-RS' conversion of the query parameter, in any case, blank as the default; anything else answers 400. */
    public static ArchivedFilter fromString(String value) {
        if (value.isBlank()) {
            return FALSE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("archived must be false, true or any, got '" + value + "'", e);
        }
    }
}
