package app.nozzly.k8s.validation;

/** Which environment an overlay is for, and so which sizing rules apply on top of the common ones. */
public enum Profile {
    /** One replica of everything: a dev cluster's single node must be enough. */
    DEVELOPMENT,
    /** Two or more replicas, autoscaling, disruption budgets, replicated Kafka and Postgres. */
    PRODUCTION;

    /** The profile of an overlay directory: {@code dev*} is development, everything else production. */
    public static Profile forOverlay(String overlayName) {
        return overlayName.startsWith("dev") ? DEVELOPMENT : PRODUCTION;
    }
}
