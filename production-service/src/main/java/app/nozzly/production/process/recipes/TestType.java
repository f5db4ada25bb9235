package app.nozzly.production.process.recipes;

/** specs/001 QualityMetric.test_type values; constants spelled as on the wire. */
public enum TestType {
    ph, density, viscosity, microbiological, visual, cofepris
}
