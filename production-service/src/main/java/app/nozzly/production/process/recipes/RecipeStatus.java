package app.nozzly.production.process.recipes;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/001 Recipe.status: draft -> (testing ->) approved -> deprecated. */
@EnumNaming(SpecEnumNaming.class)
public enum RecipeStatus implements WireEnum {
    DRAFT,
    TESTING,
    APPROVED,
    DEPRECATED;

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<RecipeStatus> {
        public Column() {
            super(RecipeStatus.class);
        }
    }
}
