package app.nozzly.production.process.recipes;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.production.support.WireEnum;

/** What the product is, for the specs/001 "Calidad" rules: cleaning products need a passed microbiological
 * test, health/wellness products a 100% visual inspection. Kept on the recipe: inventory's products carry no
 * category. */
public enum ProductCategory implements WireEnum {
    CLEANING("cleaning"),
    HEALTH_WELLNESS("health_wellness"),
    OTHER("other");

    private final String value;

    ProductCategory(String value) {
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
    public static class Column extends WireEnum.Column<ProductCategory> {
        public Column() {
            super(ProductCategory.class);
        }
    }
}
