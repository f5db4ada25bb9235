package app.nozzly.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import app.nozzly.testing.KafkaTopics;

/**
 * What must hold after the faults, read from the data itself: every accepted operation in the ledger exactly once
 * and every refused one not at all, no stock below zero, the ledger's sum equal to the stock, every completed run
 * deducted once and no other run deducted, every outbox relayed, no sync left running, every Etsy receipt one
 * order, every print one job, every accepted facility production once with the teams' books balanced, and
 * dead-letter topics holding only what was sent invalid on purpose.
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

    void verify(Connection db, String kafka, Workload workload, int receipts) throws SQLException {
        movements(db, workload);
        stock(db);
        runs(db, workload);
        outboxes(db);
        syncs(db, workload, receipts);
        prints(db, workload);
        productions(db, workload);
        deadLetters(kafka, workload);
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

    private void productions(Connection db, Workload workload) throws SQLException {
        int missing = 0;
        try (PreparedStatement found = db.prepareStatement(
                "select count(*) from facility.production where tenant_id = ? and id::text = ?")) {
            for (String production : workload.produced) {
                found.setString(1, Workload.TENANT);
                found.setString(2, production);
                missing += single(found) == 1 ? 0 : 1;
            }
        }
        int stored = count(db, "select count(*) from facility.production where tenant_id = '" + Workload.TENANT + "'");
        int unknown = workload.producesUnknown.get();
        checks.add(new Check("every accepted facility production is stored once, no refused one",
                missing == 0 && stored >= workload.produced.size() && stored <= workload.produced.size() + unknown,
                workload.produced.size() + " accepted, " + unknown + " without an answer, " + stored + " stored, "
                        + missing + " accepted but missing"));
        // a team's money: what it started with, less what its productions cost, plus what it earned providing
        int unbalanced = count(db, "select count(*) from facility.team t where t.tenant_id = '" + Workload.TENANT
                + "' and t.funds <> (case when t.name like 'Team %' then " + Workload.TEAM_FUNDS + " else 0 end)"
                + " - coalesce((select sum(p.total_cost) from facility.production p where p.team_id = t.id), 0)"
                + " + coalesce((select sum(r.total_amount) from facility.resource_transaction r where r.team_id"
                + " = t.id and r.role = 'PROVIDER'), 0)");
        int halfPaid = count(db, "select count(*) from facility.production p where p.tenant_id = '"
                + Workload.TENANT + "' and (select count(*) from facility.resource_transaction r where"
                + " r.production_id = p.id) <> 4");
        checks.add(new Check("every team's funds equal its start, less its productions, plus its earnings",
                unbalanced == 0 && halfPaid == 0, unbalanced + " teams differ, " + halfPaid
                        + " productions without their 4 transactions"));
    }

    private void deadLetters(String kafka, Workload workload) {
        List<ConsumerRecord<String, String>> letters = KafkaTopics.matching(kafka, Pattern.compile("dlq\\..*"),
                Duration.ofSeconds(10));
        List<String> unexpected = letters.stream()
                .filter(letter -> workload.invalidOnPurpose.stream().noneMatch(id -> letter.value().contains(id)))
                .map(letter -> letter.topic() + ": " + letter.value()).toList();
        long deadLettered = workload.invalidOnPurpose.stream()
                .filter(id -> letters.stream().anyMatch(letter -> letter.value().contains(id))).count();
        checks.add(new Check("dead-letter topics hold what was sent invalid on purpose and nothing else",
                unexpected.isEmpty() && deadLettered == workload.invalidOnPurpose.size(),
                deadLettered + " of " + workload.invalidOnPurpose.size() + " invalid events dead-lettered, "
                        + letters.size() + " dead letters, unexpected " + unexpected));
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
