package app.nozzly.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Scenario 5: specs/004 production from 50 teams at once, every team's farm drawing on the same two water
 * and two power providers, each team producing as often as its rate limit allows (10 per minute). Baseline:
 * the same transaction as plain JDBC (captured from the service, {@link SqlReplay}) on a world of its own. Afterwards the invariants
 * facility-sim-service's code and tests hold are checked in its tables: funds never negative and equal to
 * the start minus what was paid, storage and provider capacity never exceeded, money conserved, each
 * consumer payment matched by its provider receipt.
 */
final class FacilityProduction implements Scenario {

    static final int TEAMS = 50;
    static final BigDecimal FUNDS = new BigDecimal("100000.00");
    static final long WHEAT = 28;
    /** Farms sit on tiles (q, -q) from q = 1000 on, values no other column of a produce takes. */
    private static final int FARM_TILE = 1000;

    @Override
    public String name() {
        return "5 facility production";
    }

    /** A game world: 50 teams with a farm each, connected to the shared providers. */
    record World(String tenant, List<String> teams, List<String> farms, List<String> providerTeams,
            List<String> providers) {
    }

    static World world(Context context, String tenant) throws Exception {
        Api teacher = context.api().as(context.tokens().token(tenant, List.of("teacher"), null));
        AtomicInteger tile = new AtomicInteger();
        String waterworks = team(teacher, "Waterworks", "0.00");
        String grid = team(teacher, "Grid", "0.00");
        List<String> wells = List.of(provider(teacher, waterworks, "WATER", "0.50", tile),
                provider(teacher, waterworks, "WATER", "0.45", tile));
        List<String> plants = List.of(provider(teacher, grid, "POWER", "0.50", tile),
                provider(teacher, grid, "POWER", "0.55", tile));
        List<String> teams = new ArrayList<>();
        List<String> farms = new ArrayList<>();
        for (int i = 0; i < TEAMS; i++) {
            String team = team(teacher, "Team " + i, FUNDS.toPlainString());
            int t = FARM_TILE + i;
            String farm = teacher.post("/api/facility/admin/facilities", Map.of("teamId", team, "name", "farm-" + t,
                    "type", "FARM", "level", 2, "q", t, "r", -t, "storageCapacity", "1000000")).require()
                    .at("/data/id").asText();
            connect(teacher, farm, wells.get(i % 2));
            connect(teacher, farm, plants.get((i / 2) % 2));
            teams.add(team);
            farms.add(farm);
        }
        return new World(tenant, teams, farms, List.of(waterworks, grid),
                List.of(wells.get(0), wells.get(1), plants.get(0), plants.get(1)));
    }

    private static String team(Api teacher, String name, String funds) throws Exception {
        return teacher.post("/api/facility/admin/teams", Map.of("name", name, "funds", funds)).require()
                .at("/data/id").asText();
    }

    private static String provider(Api teacher, String team, String type, String price, AtomicInteger tile)
            throws Exception {
        int t = tile.incrementAndGet();
        return teacher.post("/api/facility/admin/facilities", Map.of("teamId", team, "name", type.toLowerCase() + "-" + t,
                "type", type, "level", 1, "q", t, "r", -t, "unitPrice", price, "capacity", "100000000")).require()
                .at("/data/id").asText();
    }

    private static void connect(Api teacher, String farm, String provider) throws Exception {
        teacher.post("/api/facility/admin/connections", Map.of("facilityId", farm, "providerId", provider)).require();
    }

    @Override
    public Result run(Context context) throws Exception {
        World world = world(context, context.tenant() + "-facility");
        int perTeam = Math.max(3, context.count(10));
        List<Api> students = new ArrayList<>();
        for (String team : world.teams()) {
            students.add(context.api().as(context.tokens().token(world.tenant(), List.of("student"), team)));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Measurement measured;
        Map<String, String> processes;
        try (ProcessStats stats = new ProcessStats(context.servicePids())) {
            measured = Load.perClient(TEAMS, perTeam, context.duration(50), (client, sequence) -> {
                Api.Reply reply = students.get(client).post("/api/facility/production/produce",
                        Map.of("facilityId", world.farms().get(client), "rawMaterialId", WHEAT, "quantity",
                                1 + (client + sequence) % 3));
                statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                return reply.ok();
            });
            processes = stats.summary(List.of("facility-sim-service"));
        }
        List<String> violations = violations(context.jdbcUrl(), world);
        World baselineWorld = world(context, context.tenant() + "-facility-jdbc");
        Api first = context.api().as(context.tokens().token(baselineWorld.tenant(), List.of("student"),
                baselineWorld.teams().get(0)));
        Map<String, Object> produce = Map.of("facilityId", baselineWorld.farms().get(0), "rawMaterialId", WHEAT,
                "quantity", 1);
        first.post("/api/facility/production/produce", produce).require();
        List<SqlCapture.Step> sql = SqlCapture.capture(context, "produce", TABLES,
                () -> first.post("/api/facility/production/produce", produce).require());
        SqlCapture.check(sql, "a produce");
        SqlReplay replay = new SqlReplay(context.jdbcUrl(), sql, SqlCapture.schemas(sql, Map.of(), "facility"));
        Map<String, String> shared = replay.capturedIds();
        Measurement baseline = replay.closed(TEAMS, (long) TEAMS * perTeam, context.duration(50), client -> {
            Map<String, String> fixtures = new HashMap<>(shared);
            fixtures.put(baselineWorld.teams().get(0), baselineWorld.teams().get(client));
            fixtures.put(baselineWorld.farms().get(0), baselineWorld.farms().get(client));
            fixtures.keySet().removeIf(id -> !shared.containsKey(id) || !sharedFixture(baselineWorld, id));
            // Hibernate writes whole rows: team names and farm tiles are unique per tenant, so they follow the team
            fixtures.put("Team 0", "Team " + client);
            fixtures.put("farm-" + FARM_TILE, "farm-" + (FARM_TILE + client));
            fixtures.put(String.valueOf(FARM_TILE), String.valueOf(FARM_TILE + client));
            fixtures.put(String.valueOf(-FARM_TILE), String.valueOf(-FARM_TILE - client));
            return fixtures;
        }, FacilityProduction::uniqueProductionNumber);
        double ratio = measured.throughput() / baseline.throughput();
        boolean met = measured.count() > 0 && ratio >= 0.5 && violations.isEmpty();
        return new Result(name(), measured, baseline, "ratio >= 0.50 and 0 invariant violations", met, processes,
                String.format("%d teams x %d produce; HTTP statuses %s; %d invariant violations%s", TEAMS, perTeam,
                        statuses, violations.size(), violations.isEmpty() ? "" : ": " + violations));
    }

    /** The world's ids (teams, facilities) stay; ids the produce created become fresh ones per replay. */
    private static boolean sharedFixture(World world, String id) {
        return world.teams().contains(id) || world.farms().contains(id) || world.providerTeams().contains(id)
                || world.providers().contains(id);
    }

    static String uniqueProductionNumber(String value) {
        return PRODUCTION_NUMBER.matcher(value).matches() ? "PRD-B-" + PRODUCTION_SEQUENCE.incrementAndGet() : value;
    }

    static final Pattern TABLES = SqlCapture.naming("team|facility|infrastructure_connection|provider_usage"
            + "|resource_transaction|inventory_item|raw_material|production_number_seq|production|outbox_event");
    private static final Pattern PRODUCTION_NUMBER = Pattern.compile("PRD-\\d+-\\d+");
    private static final AtomicLong PRODUCTION_SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    /** Every broken invariant of facility-sim-service in one world, as readable sentences. */
    static List<String> violations(String jdbcUrl, World world) throws Exception {
        List<String> violations = new ArrayList<>();
        String[][] checks = {
            { "teams with negative funds", "select count(*) from facility.team where tenant_id = ? and funds < 0" },
            { "facilities over storage", "select count(*) from facility.facility where tenant_id = ?"
                    + " and space_used > storage_capacity" },
            { "providers over capacity", "select count(*) from facility.provider_usage u join facility.facility f"
                    + " on f.id = u.provider_id where u.tenant_id = ? and u.used > f.capacity_per_window" },
            { "teams whose funds differ from start - paid + earned", "select count(*) from facility.team t where"
                    + " t.tenant_id = ? and t.funds <> (case when t.name like 'Team %' then " + FUNDS + " else 0 end)"
                    + " - coalesce((select sum(total_cost) from facility.production p where p.team_id = t.id), 0)"
                    + " + coalesce((select sum(total_amount) from facility.resource_transaction r where r.team_id"
                    + " = t.id and r.role = 'PROVIDER'), 0)" },
            { "references whose consumer and provider amounts differ", "select count(*) from (select reference,"
                    + " sum(case when role = 'CONSUMER' then -total_amount else total_amount end) b from"
                    + " facility.resource_transaction where tenant_id = ? group by reference) x where b <> 0" },
            { "productions without exactly 4 transactions", "select count(*) from facility.production p where"
                    + " p.tenant_id = ? and (select count(*) from facility.resource_transaction r where"
                    + " r.production_id = p.id) <> 4" },
            { "facilities whose used space differs from their inventory", "select count(*) from"
                    + " facility.facility f where f.tenant_id = ? and f.type = 'FARM' and f.space_used <>"
                    + " coalesce((select sum(space_used) from facility.inventory_item i where i.facility_id = f.id), 0)" },
            { "providers whose usage differs from what they delivered", "select count(*) from facility.facility f"
                    + " where f.tenant_id = ? and f.capacity_per_window is not null and coalesce((select sum(used)"
                    + " from facility.provider_usage u where u.provider_id = f.id), 0) <> coalesce((select"
                    + " sum(quantity) from facility.resource_transaction r where r.facility_id = f.id and r.role ="
                    + " 'PROVIDER'), 0)" },
        };
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            for (String[] check : checks) {
                try (PreparedStatement statement = connection.prepareStatement(check[1])) {
                    statement.setString(1, world.tenant());
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            violations.add(rs.getLong(1) + " " + check[0]);
                        }
                    }
                }
            }
            BigDecimal start = FUNDS.multiply(BigDecimal.valueOf(world.teams().size()));
            try (PreparedStatement statement = connection.prepareStatement("select (select coalesce(sum(funds), 0)"
                    + " from facility.team where tenant_id = ?) + (select coalesce(sum(material_base_cost), 0) from"
                    + " facility.production where tenant_id = ?)")) {
                statement.setString(1, world.tenant());
                statement.setString(2, world.tenant());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getBigDecimal(1).compareTo(start) != 0) {
                        violations.add("money not conserved: " + rs.getBigDecimal(1) + " instead of " + start);
                    }
                }
            }
        }
        return violations;
    }
}
