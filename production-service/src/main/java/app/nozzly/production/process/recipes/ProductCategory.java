package app.nozzly.production.process.recipes;

/**
 * What the product is, for the specs/001 quality rules: cleaning products need a passed microbiological
 * test, health/wellness products a 100% visual inspection. Kept on the recipe: inventory's products
 * carry no category.
 */
public enum ProductCategory {
    cleaning, health_wellness, other
}
