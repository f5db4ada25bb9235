package app.nozzly.bench;

/** One benchmark scenario of issue 11, measured beside its baseline in the same run. */
interface Scenario {

    String name();

    Result run(Context context) throws Exception;
}
