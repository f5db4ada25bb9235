package app.nozzly.facilitysim.common;

/** Scales of the simulation's numbers: money to the cent, quantities, resources and space to a thousandth. */
public final class Decimals {

    public static final int MONEY_SCALE = 2;
    public static final int QUANTITY_SCALE = 3;

    private Decimals() {
    }
}
