package app.nozzly.production.process.support;

/** specs/001 priority values ('low' | 'normal' | 'high' | 'urgent'); constants spelled as on the wire. */
public enum Priority {
    low, normal, high, urgent;

    /** Higher is served first (station queues). */
    public int rank() {
        return ordinal();
    }
}
