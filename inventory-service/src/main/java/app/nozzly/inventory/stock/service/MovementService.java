package app.nozzly.inventory.stock.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.Ids;
import app.nozzly.inventory.common.InventoryProblem;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.common.Units;
import app.nozzly.inventory.common.idempotency.IdempotencyStore;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.rest.MovementApi;

/**
 * POST /api/v1/inventory/movements: validates the request, claims its idempotency key, applies all lines
 * atomically through the {@link StockLedger} and stores the first answer with the key.
 */
@ApplicationScoped
@Transactional
public class MovementService {

    public static final String SCOPE = "movement";
    private static final Set<String> OUT = Set.of("consumption", "waste");
    private static final Set<String> IN = Set.of("receipt", "reversal", "production_output");
    private static final int MAX_LINES = 200;

    @Inject
    StockLedger ledger;

    @Inject
    IdempotencyStore idempotency;

    /** A movement's answer: 201 the first time, 200 with the identical body for a repeated key. */
    public record Answer(int status, String body) {
    }

    public Answer move(MovementApi.MovementRequest request, String user) {
        List<LedgerLine> lines = validate(request);
        Cause cause = request.cause().validated();
        Optional<IdempotencyStore.StoredResponse> first = idempotency.claim(SCOPE, request.idempotencyKey(), request);
        if (first.isPresent()) {
            return new Answer(200, first.get().body());
        }
        AppliedMovement applied = ledger.move(cause, request.idempotencyKey(), request.note(), user, lines);
        String body = idempotency.complete(SCOPE, request.idempotencyKey(), 201, view(applied));
        return new Answer(201, body);
    }

    private static List<LedgerLine> validate(MovementApi.MovementRequest request) {
        if (request == null) {
            throw InventoryProblem.badRequest("a JSON body is required");
        }
        String key = request.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 200) {
            throw InventoryProblem.badRequest("idempotency_key is required (at most 200 characters)");
        }
        if (request.cause() == null) {
            throw InventoryProblem.badRequest("cause is required: {\"type\", \"id\", \"ref\"}");
        }
        if (request.lines() == null || request.lines().isEmpty() || request.lines().size() > MAX_LINES) {
            throw InventoryProblem.badRequest("lines must hold 1 to " + MAX_LINES + " lines");
        }
        List<LedgerLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            lines.add(validate(request.lines().get(i), "lines[" + i + "]"));
        }
        return lines;
    }

    private static LedgerLine validate(MovementApi.LineRequest line, String at) {
        if (line == null) {
            throw InventoryProblem.badRequest(at + " is empty");
        }
        if (line.itemType() == null || !ItemTypes.ALL.contains(line.itemType())) {
            throw InventoryProblem.badRequest(at + ".item_type must be spool, material, model or product");
        }
        var itemId = Ids.parse(line.itemId(), at + ".item_id");
        boolean outgoing;
        if (OUT.contains(line.kind())) {
            outgoing = true;
        } else if (IN.contains(line.kind())) {
            outgoing = false;
        } else if ("adjustment".equals(line.kind())) {
            if (!"in".equals(line.direction()) && !"out".equals(line.direction())) {
                throw InventoryProblem.badRequest(at + ".direction must be in or out for an adjustment");
            }
            outgoing = "out".equals(line.direction());
        } else {
            throw InventoryProblem.badRequest(at + ".kind must be consumption, waste, receipt, adjustment, reversal"
                    + " or production_output");
        }
        if (line.quantity() == null || line.quantity().signum() <= 0) {
            throw InventoryProblem.badRequest(at + ".quantity must be greater than 0 (the kind gives the direction)");
        }
        if (Quantities.of(line.quantity()).signum() == 0) {
            throw InventoryProblem.badRequest(at + ".quantity is below the smallest countable amount (0.001)");
        }
        if (!Units.isValid(line.unit())) {
            throw InventoryProblem.badRequest(at + ".unit must be one of g, kg, ml, L, units");
        }
        var reservationId = Ids.parseOptional(line.reservationId(), at + ".reservation_id");
        if (reservationId != null && !outgoing) {
            throw InventoryProblem.badRequest(at + ".reservation_id can only be converted by an outgoing line");
        }
        if (line.lotNumber() != null && (line.lotNumber().isBlank() || line.lotNumber().length() > 64)) {
            throw InventoryProblem.badRequest(at + ".lot_number must be 1 to 64 characters");
        }
        if (line.lotNumber() != null && !ItemTypes.hasLots(line.itemType())) {
            throw InventoryProblem.badRequest(at + ".lot_number applies to materials and products only");
        }
        return new LedgerLine(line.itemType(), itemId, line.kind(), outgoing, line.quantity(), line.unit(),
                reservationId, line.lotNumber(), line.expiresAt(), false, null);
    }

    private static MovementApi.MovementView view(AppliedMovement applied) {
        List<MovementApi.LineView> lines = new ArrayList<>();
        for (AppliedMovement.Line line : applied.lines()) {
            lines.add(new MovementApi.LineView(line.itemType(), line.request().itemId(), line.request().kind(),
                    line.request().outgoing() ? "out" : "in", Quantities.plain(line.quantity()), line.unit(),
                    Quantities.plain(line.balanceAfter()), line.request().reservationId(),
                    ItemTypes.hasLots(line.itemType()) ? line.lots().stream()
                            .map(l -> new MovementApi.LotView(l.lotNumber(), Quantities.plain(l.quantity())))
                            .toList() : null));
        }
        var m = applied.movement();
        return new MovementApi.MovementView(m.id, m.idempotencyKey, new Cause(m.causeType, m.causeId, m.causeRef),
                m.note, m.createdAt, lines);
    }
}
