package app.nozzly.inventory.stock.rest;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.stock.service.TransactionService;

/** The append-only ledger: paged JSON or a CSV export, and an item's stock reconciled with its ledger. */
@Path("/api/v1/inventory")
public class TransactionResource {

    private static final String CSV = "text/csv";

    @Inject
    TransactionService transactions;

    /** JSON page by default; every matching row as CSV for {@code Accept: text/csv} or {@code format=csv}. */
    @GET
    @Path("/transactions")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response list(@RestQuery("item_id") String itemId, @RestQuery("item_type") String itemType,
            @RestQuery String kind, @RestQuery("cause_type") String causeType, @RestQuery("cause_id") String causeId,
            @RestQuery("movement_id") String movementId, @RestQuery String from, @RestQuery String to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @RestQuery String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TransactionService.Filter filter = new TransactionService.Filter(itemId, itemType, kind, causeType, causeId,
                movementId, from, to);
        boolean csv = "csv".equalsIgnoreCase(format) || accept != null && accept.contains(CSV);
        if (!csv) {
            PageResult<MovementApi.TransactionView> result = transactions.list(filter, Paging.of(page, size));
            return Response.ok(result, MediaType.APPLICATION_JSON).build();
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
