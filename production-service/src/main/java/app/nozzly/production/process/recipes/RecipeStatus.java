package app.nozzly.production.process.recipes;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.production.support.WireEnum;

/** specs/001 Recipe.status: draft -> (testing ->) approved -> deprecated. */
public enum RecipeStatus implements WireEnum {
    DRAFT("draft"),
    TESTING("testing"),
    APPROVED("approved"),
    DEPRECATED("deprecated");

    private final String value;

    RecipeStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<RecipeStatus> {
        public Column() {
            super(RecipeStatus.class);
        }
    }
}
