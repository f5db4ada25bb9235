package app.nozzly.inventory.stock.rest;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

    /** How the ledger is answered when the Accept header does not ask for CSV. */
    public enum LedgerFormat {
        json, csv
    }

    @Inject
    TransactionService transactions;

    /** JSON page by default; every matching row as CSV for {@code Accept: text/csv} or {@code format=csv}. */
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
            @QueryParam("format") LedgerFormat format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TransactionService.Filter filter = new TransactionService.Filter(itemId, itemType, kind, causeType, causeId,
                movementId, from == null ? null : from.start(), to == null ? null : to.end());
        boolean csv = format == LedgerFormat.csv || accept != null && accept.contains(CSV);
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
