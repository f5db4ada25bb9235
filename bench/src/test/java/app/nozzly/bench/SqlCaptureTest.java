package app.nozzly.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SqlCaptureTest {

    private static final Pattern TABLES = Pattern.compile("production_run|outbox_event");

    private static final List<String> LOG = List.of(
            "2026-11-23 22:15:22.151 UTC [21000] LOG:  statement: BEGIN",
            "2026-11-23 22:15:22.151 UTC [21000] LOG:  execute S_3: select pg_try_advisory_xact_lock($1, hashtext(current_schema()))",
            "2026-11-23 22:15:22.151 UTC [21000] DETAIL:  Parameters: $1 = '7304564'",
            "2026-11-23 22:15:22.163 UTC [21027] LOG:  statement: BEGIN",
            "2026-11-23 22:15:22.153 UTC [21000] LOG:  execute S_1: COMMIT",
            "2026-11-23 22:15:22.165 UTC [21027] LOG:  execute <unnamed>: update production_run set notes=$2 where id=$1",
            "2026-11-23 22:15:22.165 UTC [21027] DETAIL:  Parameters: $1 = 'a1b2c3d4-0000-4000-8000-000000000001', $2 = 'it''s done'",
            "2026-11-23 22:15:22.166 UTC [21027] LOG:  execute <unnamed>: insert into outbox_event (id, envelope) values ($1, $2)",
            "2026-11-23 22:15:22.166 UTC [21027] DETAIL:  Parameters: $1 = 'a1b2c3d4-0000-4000-8000-000000000002', $2 = NULL",
            "2026-11-23 22:15:22.167 UTC [21027] LOG:  execute S_1: COMMIT",
            "2026-11-23 22:15:22.168 UTC [22304] LOG:  execute S_3: select id from webhook_delivery where attempts < $1",
            "2026-11-23 22:15:22.168 UTC [22304] DETAIL:  Parameters: $1 = '5'");

    @Test
    void keepsTheOperationsTransactionAndDropsRelayPollingAndOtherTables() {
        List<SqlCapture.Step> steps = SqlCapture.steps(LOG, TABLES);

        assertThat(steps).extracting(SqlCapture.Step::pid).containsOnly(21027L);
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0).begin()).isTrue();
        assertThat(steps.get(3).end()).isTrue();
    }

    @Test
    void statementsBecomeJdbcWithParametersInPlaceholderOrderAndQuotesUnescaped() {
        SqlCapture.Step update = SqlCapture.steps(LOG, TABLES).get(1);

        assertThat(update.jdbcSql()).isEqualTo("update production_run set notes=? where id=?");
        assertThat(update.jdbcParams()).containsExactly("it's done", "a1b2c3d4-0000-4000-8000-000000000001");
    }

    @Test
    void aNullParameterStaysNull() {
        SqlCapture.Step insert = SqlCapture.steps(LOG, TABLES).get(2);

        assertThat(insert.jdbcParams()).containsExactly("a1b2c3d4-0000-4000-8000-000000000002", null);
    }

    @Test
    void aLongParameterSuchAsAnEventEnvelopeIsReadWhole() {
        String envelope = "{\"data\": \"" + "x".repeat(50_000) + " it''s\"}";
        List<String> log = List.of(
                "2026-11-23 22:15:22.166 UTC [21027] LOG:  execute <unnamed>: insert into outbox_event (id, envelope) values ($1, $2)",
                "2026-11-23 22:15:22.166 UTC [21027] DETAIL:  Parameters: $1 = 'a1', $2 = '" + envelope + "'");

        SqlCapture.Step insert = SqlCapture.steps(log, TABLES).get(0);

        assertThat(insert.jdbcParams()).containsExactly("a1", envelope.replace("''", "'"));
    }

    @Test
    void aReadOutsideATransactionKeepsTheTenantSettingBeforeItAndNotOneBeforeBackgroundWork() {
        List<String> log = List.of(
                "2026-12-07 08:53:22.206 UTC [12615] LOG:  execute S_3: select set_config('nozzly.tenant', $1, false)",
                "2026-12-07 08:53:22.206 UTC [12615] DETAIL:  Parameters: $1 = 'bench-1'",
                "2026-12-07 08:53:22.206 UTC [12616] LOG:  execute S_3: select set_config('nozzly.tenant', $1, false)",
                "2026-12-07 08:53:22.206 UTC [12616] DETAIL:  Parameters: $1 = 'bench-1'",
                "2026-12-07 08:53:22.206 UTC [12615] LOG:  execute S_14: select pr1_0.id from production_run pr1_0 where pr1_0.id=$1",
                "2026-12-07 08:53:22.206 UTC [12615] DETAIL:  Parameters: $1 = 'a1b2c3d4-0000-4000-8000-000000000001'",
                "2026-12-07 08:53:22.207 UTC [12616] LOG:  execute S_9: select id from webhook_delivery where attempts < $1",
                "2026-12-07 08:53:22.207 UTC [12616] DETAIL:  Parameters: $1 = '5'");

        List<SqlCapture.Step> steps = SqlCapture.steps(log, SqlCapture.naming("production_run"));

        assertThat(steps).extracting(SqlCapture.Step::pid).containsExactly(12615L, 12615L);
        assertThat(steps.get(0).jdbcSql()).isEqualTo("select set_config('nozzly.tenant', ?, false)");
        assertThat(steps.get(0).jdbcParams()).containsExactly("bench-1");
        assertThat(steps.get(1).jdbcSql()).startsWith("select pr1_0.id from production_run");
    }

    @Test
    void aRunReadsTransactionWithProductionServicesCopyOfModelsAndSpoolsIsKeptWhole() {
        List<String> log = List.of(
                "2026-12-07 08:53:22.207 UTC [12615] LOG:  statement: BEGIN",
                "2026-12-07 08:53:22.207 UTC [12615] LOG:  execute S_3: select set_config('nozzly.tenant', $1, false)",
                "2026-12-07 08:53:22.207 UTC [12615] DETAIL:  Parameters: $1 = 'bench-1'",
                "2026-12-07 08:53:22.207 UTC [12615] LOG:  execute S_9: select pri1_0.id from production_run_item pri1_0 where pri1_0.run_id=$1",
                "2026-12-07 08:53:22.207 UTC [12615] DETAIL:  Parameters: $1 = 'a1b2c3d4-0000-4000-8000-000000000001'",
                "2026-12-07 08:53:22.208 UTC [12615] LOG:  execute S_12: select id, name, sku from inventory_model where tenant_id = $1 and id in ($2)",
                "2026-12-07 08:53:22.208 UTC [12615] DETAIL:  Parameters: $1 = 'bench-1', $2 = 'b701b516-a026-41e5-b958-8f853db972cc'",
                "2026-12-07 08:53:22.208 UTC [12615] LOG:  execute S_13: select id, spool_id from inventory_spool where tenant_id = $1 and id in ($2)",
                "2026-12-07 08:53:22.208 UTC [12615] DETAIL:  Parameters: $1 = 'bench-1', $2 = '4572a32a-ab35-455c-8b0b-bfbe41be668b'",
                "2026-12-07 08:53:22.208 UTC [12615] LOG:  execute S_1: COMMIT");

        assertThat(SqlCapture.steps(log, RunLifecycle.TABLES)).hasSize(6);
    }

    @Test
    void aTransactionOfAnotherServiceIsNotTakenForTheLifecyclesByItsColumnNames() {
        List<String> log = List.of(
                "2026-11-23 22:15:22.160 UTC [9603] LOG:  statement: BEGIN",
                "2026-11-23 22:15:22.161 UTC [9603] LOG:  execute <unnamed>: select p1_0.id,p1_0.model from printer p1_0 where p1_0.id=$1",
                "2026-11-23 22:15:22.161 UTC [9603] DETAIL:  Parameters: $1 = 'bambu_a1_001'",
                "2026-11-23 22:15:22.162 UTC [9603] LOG:  execute <unnamed>: update print_job set material_type=$1 where id=$2",
                "2026-11-23 22:15:22.162 UTC [9603] DETAIL:  Parameters: $1 = 'PLA', $2 = '45'",
                "2026-11-23 22:15:22.163 UTC [9603] LOG:  execute S_1: COMMIT",
                "2026-11-23 22:15:22.164 UTC [9700] LOG:  statement: BEGIN",
                "2026-11-23 22:15:22.165 UTC [9700] LOG:  execute <unnamed>: select id from stock_item where tenant_id = $1 for update",
                "2026-11-23 22:15:22.165 UTC [9700] DETAIL:  Parameters: $1 = '20000002'",
                "2026-11-23 22:15:22.166 UTC [9700] LOG:  execute <unnamed>: update spool set remaining_grams=$1 where id=$2",
                "2026-11-23 22:15:22.166 UTC [9700] DETAIL:  Parameters: $1 = '940', $2 = 's1'",
                "2026-11-23 22:15:22.167 UTC [9700] LOG:  execute S_1: COMMIT");

        List<SqlCapture.Step> steps = SqlCapture.steps(log, RunLifecycle.TABLES);

        assertThat(steps).extracting(SqlCapture.Step::pid).containsOnly(9700L);
        assertThat(steps).hasSize(4);
    }

    @Test
    void aTransactionKeepsTheTenantSettingItBeginsWithButABackgroundSettingAloneIsDropped() {
        List<String> log = List.of(
                "2026-12-06 13:41:25.796 UTC [13433] LOG:  execute S_3: select set_config('nozzly.tenant', $1, false)",
                "2026-12-06 13:41:25.796 UTC [13433] DETAIL:  Parameters: $1 = ''",
                "2026-12-06 13:41:25.921 UTC [13437] LOG:  statement: BEGIN",
                "2026-12-06 13:41:25.921 UTC [13437] LOG:  execute S_2: select set_config('nozzly.tenant', $1, false)",
                "2026-12-06 13:41:25.921 UTC [13437] DETAIL:  Parameters: $1 = 'bench-1796564470'",
                "2026-12-06 13:41:25.927 UTC [13437] LOG:  execute S_16: select count(*) from production_run pr1_0 where pr1_0.tenant_id = $1",
                "2026-12-06 13:41:25.927 UTC [13437] DETAIL:  Parameters: $1 = 'bench-1796564470'",
                "2026-12-06 13:41:25.928 UTC [13437] LOG:  execute S_1: COMMIT",
                "2026-12-06 13:41:25.930 UTC [13440] LOG:  statement: BEGIN",
                "2026-12-06 13:41:25.930 UTC [13440] LOG:  execute S_2: select set_config('nozzly.tenant', $1, false)",
                "2026-12-06 13:41:25.930 UTC [13440] DETAIL:  Parameters: $1 = 'bench-1796564470'",
                "2026-12-06 13:41:25.931 UTC [13440] LOG:  execute S_1: COMMIT");

        List<SqlCapture.Step> steps = SqlCapture.steps(log, TABLES);

        assertThat(steps).extracting(SqlCapture.Step::pid).containsOnly(13437L);
        assertThat(steps).extracting(SqlCapture.Step::sql).containsExactly("BEGIN",
                "select set_config('nozzly.tenant', $1, false)",
                "select count(*) from production_run pr1_0 where pr1_0.tenant_id = $1", "COMMIT");
    }

    @Test
    void aSequenceOfTheFacilityIsItsStatementAndAColumnOfTheSameNameIsNot() {
        List<String> log = List.of(
                "2026-11-23 22:15:22.160 UTC [14893] LOG:  execute <unnamed>: select nextval('production_number_seq')",
                "2026-11-23 22:15:22.161 UTC [14900] LOG:  execute <unnamed>: select t.team, t.production from roster t");

        List<SqlCapture.Step> steps = SqlCapture.steps(log, FacilityProduction.TABLES);

        assertThat(steps).extracting(SqlCapture.Step::pid).containsExactly(14893L);
    }
}
