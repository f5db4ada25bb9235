package app.nozzly.inventory.stock.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import app.nozzly.inventory.common.CauseType;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.stock.ItemType;
import app.nozzly.inventory.stock.TransactionKind;
import app.nozzly.inventory.stock.service.TransactionService;
import app.nozzly.platform.security.Roles;

/** The append-only ledger (module README, "Ledger"): paged JSON or a CSV export, and an item's reconciliation. */
@Path("/api/v1/inventory")
@RolesAllowed(Roles.VIEWER)
public class TransactionResource {

    private static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);

    /** How the ledger is answered when the Accept header does not ask for CSV. */
    public enum LedgerFormat {
        json, csv
    }

    @Inject
    TransactionService transactions;

    /** The first acceptable type (by quality) that is JSON or CSV decides; none of them means JSON. */
    private static boolean prefersCsv(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(CSV_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * JSON page by default; every matching row as CSV for {@code format=csv} or an Accept header that prefers
     * CSV to JSON (a generated client sends both types it knows, JSON first, and must get JSON).
     */
    @GET
    @Path("/transactions")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @APIResponse(responseCode = "200", description = "a page of ledger rows (oldest first), or all of them as CSV",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = MovementApi.TransactionPage.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response list(@QueryParam("item_id") UUID itemId, @QueryParam("item_type") ItemType itemType,
            @QueryParam("kind") TransactionKind kind, @QueryParam("cause_type") CauseType causeType,
            @QueryParam("cause_id") @Size(max = 100) String causeId, @QueryParam("movement_id") UUID movementId,
            @QueryParam("from") LedgerTime from, @QueryParam("to") LedgerTime to, @BeanParam @Valid Paging paging,
            @QueryParam("format") LedgerFormat format, @Context HttpHeaders headers) {
        TransactionService.Filter filter = new TransactionService.Filter(itemId, itemType, kind, causeType, causeId,
                movementId, from == null ? null : from.start(), to == null ? null : to.end());
        boolean csv = format == null ? prefersCsv(headers.getAcceptableMediaTypes()) : format == LedgerFormat.csv;
        if (!csv) {
            return Response.ok(transactions.list(filter, paging), MediaType.APPLICATION_JSON).build();
        }
        StringBuilder body = new StringBuilder("id,created_at,movement_id,item_type,item_id,kind,quantity,"
                + "signed_quantity,unit,balance_after,lot_number,reservation_id,cause_type,cause_id,cause_ref,note\n");
        for (MovementApi.TransactionView t : transactions.all(filter)) {
            body.append(String.join(",", cell(t.id()), cell(t.createdAt()), cell(t.movementId()), cell(t.itemType()),
                    cell(t.itemId()), cell(t.kind()), cell(t.quantity()), cell(t.signedQuantity()), cell(t.unit()),
                    cell(t.balanceAfter()), cell(t.lotNumber()), cell(t.reservationId()), cell(t.cause().type()),
                    cell(t.cause().id()), cell(t.cause().ref()), cell(t.note()))).append('\n');
        }
        return Response.ok(body.toString(), CSV)
                .header("Content-Disposition", "attachment; filename=\"inventory-transactions.csv\"").build();
    }

    @GET
    @Path("/stock/{itemId}")
    @Produces(MediaType.APPLICATION_JSON)
    public TransactionService.Reconciliation stock(@PathParam("itemId") UUID itemId) {
        return transactions.reconcile(itemId);
    }

    /** RFC 4180 cell: quoted when it holds a comma, quote or line break; formula starts are neutralised. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
