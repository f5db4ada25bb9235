package app.nozzly.production.process;

/** Paging of specs/001 lists: page from 1, limit 1 to 100, 20 rows by default. */
public final class ProcessPages {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Beyond this page (100 million rows) a list has nothing left to answer. */
    public static final int MAX_PAGE = 1_000_000;

    private ProcessPages() {
    }
}
