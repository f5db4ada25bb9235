package app.nozzly.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold after the faults, read from the data itself: every accepted operation in the ledger exactly once
 * and every refused one not at all, no stock below zero, the ledger's sum equal to the stock, every completed run
 * deducted once and no other run deducted, every outbox relayed, no sync left running, every Etsy receipt one
 * order, every print one job.
 */
final class Invariants {

    /** One check: what it says, whether it held, and what broke it. */
    record Check(String name, boolean held, String evidence) {
    }

    private static final String DEDUCTS = "exists (select 1 from inventory.stock_transaction t where t.movement_id"
            + " = m.id and t.kind in ('consumption', 'waste'))";

    private final List<Check> checks = new ArrayList<>();

    List<Check> checks() {
        return checks;
    }

    boolean allHeld() {
        return checks.stream().allMatch(Check::held);
    }

    void verify(Connection db, Workload workload, int receipts) throws SQLException {
        movements(db, workload);
        stock(db);
        runs(db, workload);
        outboxes(db);
        syncs(db, workload, receipts);
        prints(db, workload);
    }

    private void movements(Connection db, Workload workload) throws SQLException {
        Map<Workload.Outcome, Integer> wrong = new LinkedHashMap<>();
        int unknown = 0;
        try (PreparedStatement count = db.prepareStatement("select count(*) from inventory.stock_movement"
                + " where tenant_id = ? and idempotency_key = ?")) {
            for (Map.Entry<String, Workload.Movement> movement : workload.movements.entrySet()) {
                count.setString(1, Workload.TENANT);
                count.setString(2, movement.getKey());
                int found = single(count);
                Workload.Outcome outcome = movement.getValue().outcome();
                if (outcome == Workload.Outcome.UNKNOWN) {
                    unknown++;
                } else if (outcome == Workload.Outcome.ACCEPTED ? found != 1 : found != 0) {
                    wrong.merge(outcome, 1, Integer::sum);
                }
            }
        }
        checks.add(new Check("every accepted stock movement is in the ledger once, every refused one not at all",
                wrong.isEmpty() && unknown == 0, "of " + workload.movements.size() + " movements: wrong " + wrong
                        + ", outcome still unknown " + unknown));
    }

    private void stock(Connection db) throws SQLException {
        int negative = count(db, "select count(*) from inventory.stock_item where quantity < 0");
        checks.add(new Check("no stock item below zero", negative == 0, negative + " below zero"));
        int mismatched = count(db, "select count(*) from inventory.stock_item i left join (select item_id,"
                + " sum(signed_quantity) as total from inventory.stock_transaction group by item_id) t"
                + " on t.item_id = i.id where i.quantity <> coalesce(t.total, 0)");
        checks.add(new Check("every stock item equals its ledger's sum", mismatched == 0, mismatched + " differ"));
    }

    private void runs(Connection db, Workload workload) throws SQLException {
        // a run's reservations are movements of the run too; a deduction is a movement that consumes
        int deductedTwice = count(db, "select count(*) from (select m.cause_id from inventory.stock_movement m"
                + " where m.tenant_id = '" + Workload.TENANT + "' and m.cause_type = 'production_run' and " + DEDUCTS
                + " group by m.cause_id having count(*) > 1) twice");
        int completedUndeducted = 0;
        int deductedNotCompleted = 0;
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                "select r.id::text, r.status, (select count(*) from inventory.stock_movement m where m.tenant_id ="
                        + " r.tenant_id and m.cause_type = 'production_run' and m.cause_id = r.id::text and " + DEDUCTS
                        + ")"
                        + " from production.production_run r where r.tenant_id = '" + Workload.TENANT + "'")) {
            while (rows.next()) {
                boolean completed = rows.getString(2).equalsIgnoreCase("completed");
                int movements = rows.getInt(3);
                completedUndeducted += completed && movements == 0 ? 1 : 0;
                deductedNotCompleted += !completed && movements > 0 ? 1 : 0;
            }
        }
        long acceptedButNotCompleted = workload.completions.entrySet().stream()
                .filter(e -> e.getValue() == Workload.Outcome.ACCEPTED).filter(e -> !completed(db, e.getKey()))
                .count();
        checks.add(new Check("every completed run deducted once, no other run deducted", deductedTwice == 0
                && completedUndeducted == 0 && deductedNotCompleted == 0 && acceptedButNotCompleted == 0,
                "deducted twice " + deductedTwice + ", completed without deduction " + completedUndeducted
                        + ", deducted without completion " + deductedNotCompleted
                        + ", completion answered 2xx but run not completed " + acceptedButNotCompleted));
    }

    private static boolean completed(Connection db, String run) {
        try (PreparedStatement status = db.prepareStatement(
                "select status from production.production_run where id::text = ?")) {
            status.setString(1, run);
            try (ResultSet rows = status.executeQuery()) {
                return rows.next() && rows.getString(1).equalsIgnoreCase("completed");
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private void outboxes(Connection db) throws SQLException {
        Map<String, Integer> pending = new LinkedHashMap<>();
        for (String schema : List.of("inventory", "production", "printer", "ordersync", "facility")) {
            int left = count(db, "select count(*) from " + schema + ".outbox_event where published_at is null");
            if (left > 0) {
                pending.put(schema, left);
            }
        }
        checks.add(new Check("nothing left in any outbox", pending.isEmpty(), "unrelayed " + pending));
    }

    private void syncs(Connection db, Workload workload, int receipts) throws SQLException {
        int running = count(db, "select count(*) from ordersync.sync_run where status = 'running'");
        checks.add(new Check("every Etsy sync ended completed or failed", running == 0, running + " still running"));
        int orders = count(db, "select count(*) from ordersync.shop_order");
        checks.add(new Check("every receipt of the shop is one order", orders == receipts,
                receipts + " receipts, " + orders + " orders"));
    }

    private void prints(Connection db, Workload workload) throws SQLException {
        Map<String, String> wrong = new LinkedHashMap<>();
        try (PreparedStatement jobs = db.prepareStatement(
                "select count(*) from printer.print_job where printer_id = ?")) {
            for (Map.Entry<String, java.util.concurrent.atomic.AtomicInteger> printer
                    : workload.printsStarted().entrySet()) {
                jobs.setString(1, printer.getKey());
                int found = single(jobs);
                if (found != printer.getValue().get()) {
                    wrong.put(printer.getKey(), printer.getValue().get() + " prints, " + found + " jobs");
                }
            }
        }
        checks.add(new Check("every print is one job", wrong.isEmpty(), wrong.toString()));
    }

    private static int count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int single(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
