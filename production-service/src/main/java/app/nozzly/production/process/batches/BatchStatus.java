package app.nozzly.production.process.batches;

/** specs/001 batch lifecycle planned -> in_progress -> quality_check -> completed | failed. */
public enum BatchStatus {
    planned, in_progress, quality_check, completed, failed;

    public boolean finished() {
        return this == completed || this == failed;
    }
}
