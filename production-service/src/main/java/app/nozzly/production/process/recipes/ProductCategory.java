package app.nozzly.production.process.recipes;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** What the product is, for the specs/001 "Calidad" rules: cleaning products need a passed microbiological
 * test, health/wellness products a 100% visual inspection. Kept on the recipe: inventory's products carry no
 * category. */
@EnumNaming(SpecEnumNaming.class)
public enum ProductCategory implements WireEnum {
    CLEANING,
    HEALTH_WELLNESS,
    OTHER;

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<ProductCategory> {
        public Column() {
            super(ProductCategory.class);
        }
    }
}
