package app.nozzly.facilitysim.common;

/** An enum constant that a query parameter spells differently from its Java name (sortBy=producedAt). */
public interface WireName {

    String wireName();
}
