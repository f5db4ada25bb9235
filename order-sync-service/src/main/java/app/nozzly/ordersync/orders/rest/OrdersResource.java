package app.nozzly.ordersync.orders.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.nozzly.ordersync.common.ApiException;
import app.nozzly.ordersync.common.Params;
import app.nozzly.ordersync.orders.OrderStatus;
import app.nozzly.ordersync.orders.mapping.OrderViews;
import app.nozzly.ordersync.orders.service.OrderService;

/** specs/002 Order Management: /orders, /orders/:id, notes and communications. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {

    public record NoteRequest(String content) {
    }

    public record CommunicationRequest(String message, String direction, String channel) {
    }

    @Inject
    OrderService orders;

    @GET
    public OrderViews.OrderPage list(@QueryParam("status") String status,
            @QueryParam("production_status") String productionStatus, @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        oneOf("status", status, OrderStatus.ORDER);
        oneOf("production_status", productionStatus, OrderStatus.PRODUCTION);
        OrderService.Filter filter = new OrderService.Filter(status, productionStatus,
                Params.dateTime("start_date", startDate), Params.endExclusive("end_date", endDate));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ApiException.badRequest("start_date must not be after end_date");
        }
        return orders.list(filter, Params.integer("limit", limit, 50, 1, 500),
                Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    @GET
    @Path("/{id}")
    public OrderViews.OrderView get(@PathParam("id") String id) {
        long orderId = id(id);
        return orders.find(orderId).orElseThrow(() -> ApiException.notFound("order " + orderId + " not found"));
    }

    @PUT
    @Path("/{id}")
    public OrderViews.OrderView update(@PathParam("id") String id, OrderService.Update update) {
        return orders.update(id(id), update);
    }

    @POST
    @Path("/{id}/notes")
    public Response addNote(@PathParam("id") String id, NoteRequest request) {
        return Response.status(201).entity(orders.addNote(id(id), request == null ? null : request.content())).build();
    }

    /** specs/002 answers every note; limit and offset page them for a client that asks. */
    @GET
    @Path("/{id}/notes")
    public List<OrderViews.NoteView> notes(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return orders.notes(id(id), limit(limit), Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    @POST
    @Path("/{id}/communications")
    public Response addCommunication(@PathParam("id") String id, CommunicationRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body {\"message\", \"direction\", \"channel\"} is required");
        }
        return Response.status(201)
                .entity(orders.addCommunication(id(id), request.message(), request.direction(), request.channel()))
                .build();
    }

    @GET
    @Path("/{id}/communications")
    public List<OrderViews.CommunicationView> communications(@PathParam("id") String id,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return orders.communications(id(id), limit(limit), Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    /** No limit: all of them. */
    private static Integer limit(String limit) {
        return limit == null || limit.isBlank() ? null : Params.integer("limit", limit, 100, 1, 500);
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("order " + id + " not found");
        }
    }

    private static void oneOf(String name, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ApiException.badRequest(name + " must be one of " + String.join(", ", allowed));
        }
    }
}
