package app.nozzly.platform.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that waits for the current transaction's outcome: what others may only see once the data is there (a
 * message, a transfer, a wake-up) runs after the commit; what undoes a step outside the database runs after a
 * rollback.
 */
public final class TransactionEnd {

    private static final Runnable NOTHING = () -> { };

    private TransactionEnd() {
    }

    /** Runs {@code committed} once the current transaction has committed, and nothing when it rolls back. */
    public static void afterCommit(TransactionSynchronizationRegistry transaction, Runnable committed) {
        afterOutcome(transaction, committed, NOTHING);
    }

    /** Runs {@code rolledBack} once the current transaction has ended without a commit. */
    public static void afterRollback(TransactionSynchronizationRegistry transaction, Runnable rolledBack) {
        afterOutcome(transaction, NOTHING, rolledBack);
    }

    /** Runs {@code committed} after a commit, {@code rolledBack} after any other end of the current transaction. */
    public static void afterOutcome(TransactionSynchronizationRegistry transaction, Runnable committed,
            Runnable rolledBack) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare: the work waits for the outcome
            }

            @Override
            public void afterCompletion(int status) {
                (status == Status.STATUS_COMMITTED ? committed : rolledBack).run();
            }
        });
    }
}
