package app.nozzly.bench;

/** One benchmark scenario, measured beside its baseline in the same run. */
interface Scenario {

    String name();

    Result run(Context context) throws Exception;
}
