package app.nozzly.facilitysim.ratelimit;

/** The three limits of specs/004 "Rate Limiting". */
public enum RateLimitBucket {
    /** Start Production, per team. */
    PRODUCE,
    /** Status Check (a production record, an estimate, a material's detail), per user. */
    STATUS,
    /** List/Analytics (history, transactions, materials, inventory), per user. */
    LIST
}
