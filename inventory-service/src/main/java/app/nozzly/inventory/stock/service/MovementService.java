package app.nozzly.inventory.stock.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.common.Unit;
import app.nozzly.inventory.common.idempotency.IdempotencyStore;
import app.nozzly.inventory.stock.ItemType;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.rest.MovementApi;
import app.nozzly.platform.errors.ApiProblem;

/**
 * POST /api/v1/inventory/movements: validates the request, claims its idempotency key, applies all lines
 * atomically through the {@link StockLedger}; a repeated key is answered from the movement the key recorded.
 */
@ApplicationScoped
@Transactional
public class MovementService {

    public static final String SCOPE = "movement";

    @Inject
    StockLedger ledger;

    @Inject
    IdempotencyStore idempotency;

    public IdempotencyStore.Answer move(MovementApi.MovementRequest request, String user) {
        List<LedgerLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            lines.add(line(request.lines().get(i), "lines[" + i + "]"));
        }
        return idempotency.once(SCOPE, request.idempotencyKey(), request,
                id -> view(ledger.move(id, request.cause(), request.idempotencyKey(), request.note(), user, lines)),
                id -> view(ledger.recorded(id, lines)));
    }

    /** The rules between a line's fields; each field's own bounds are the request record's. */
    private static LedgerLine line(MovementApi.LineRequest line, String at) {
        if (line.kind() == MovementApi.MovementKind.adjustment && line.direction() == null) {
            throw ApiProblem.invalidField(at + ".direction", "is required for an adjustment: in or out");
        }
        boolean outgoing = line.kind().outgoing(line.direction());
        if (line.reservationId() != null && !outgoing) {
            throw ApiProblem.invalidField(at + ".reservation_id", "can only be converted by an outgoing line");
        }
        if (line.lotNumber() != null && !ItemTypes.hasLots(line.itemType().name())) {
            throw ApiProblem.invalidField(at + ".lot_number", "applies to materials and products only");
        }
        return new LedgerLine(line.itemType().name(), line.itemId(), line.kind().name(), outgoing, line.quantity(),
                line.unit().name(), line.reservationId(), line.lotNumber(), line.expiresAt(), false, null);
    }

    private static MovementApi.MovementView view(AppliedMovement applied) {
        List<MovementApi.LineView> lines = new ArrayList<>();
        for (AppliedMovement.Line line : applied.lines()) {
            lines.add(new MovementApi.LineView(ItemType.valueOf(line.itemType()), line.request().itemId(),
                    MovementApi.MovementKind.valueOf(line.request().kind()),
                    line.request().outgoing() ? MovementApi.Direction.out : MovementApi.Direction.in,
                    Quantities.plain(line.quantity()), Unit.valueOf(line.unit()),
                    Quantities.plain(line.balanceAfter()), line.request().reservationId(),
                    ItemTypes.hasLots(line.itemType()) ? line.lots().stream()
                            .map(l -> new MovementApi.MovedLot(l.lotNumber(), Quantities.plain(l.quantity())))
                            .toList() : null));
        }
        var m = applied.movement();
        return new MovementApi.MovementView(m.id, m.idempotencyKey, Cause.of(m.causeType, m.causeId, m.causeRef),
                m.note, m.createdAt, lines);
    }
}
