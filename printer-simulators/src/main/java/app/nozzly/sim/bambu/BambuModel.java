package app.nozzly.sim.bambu;

/**
 * The Bambu Lab models the simulator can play. Each report starts from a real recorded pushall of that model
 * (resources app/nozzly/sim/bambu/&lt;model&gt;.json), so field names, nesting and value types match the real printer.
 */
public enum BambuModel {
    /** A1 with an AMS lite (4 trays); partial reports after pushall; no chamber sensor (reports 5 °C). */
    A1("A1", 1, false),
    /** P1P with one AMS (4 trays); partial reports after pushall; no chamber sensor (reports 5 °C). */
    P1P("P1P", 1, false),
    /** X1 Carbon with two AMS units (8 trays). */
    X1C("X1C", 2, true),
    /** H2D: temperatures also under device.extruder.info[] packed as target &lt;&lt; 16 | current; AMS and AMS HT. */
    H2D("H2D", 2, true);

    private final String template;
    private final int amsUnits;
    private final boolean chamberSensor;

    BambuModel(String template, int amsUnits, boolean chamberSensor) {
        this.template = template;
        this.amsUnits = amsUnits;
        this.chamberSensor = chamberSensor;
    }

    /** Whether chamber_temper is measured; models without a sensor report the constant of their recording. */
    public boolean chamberSensor() {
        return chamberSensor;
    }

    String templateResource() {
        return "/app/nozzly/sim/bambu/" + template + ".json";
    }

    /** How many AMS units the simulated printer carries when AMS is enabled. */
    public int amsUnits() {
        return amsUnits;
    }
}
