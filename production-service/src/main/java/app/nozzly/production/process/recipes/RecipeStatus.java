package app.nozzly.production.process.recipes;

/** specs/001 recipe approval workflow draft -> testing -> approved -> deprecated; constants spelled as on the wire. */
public enum RecipeStatus {
    draft, testing, approved, deprecated
}
