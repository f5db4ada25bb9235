package app.nozzly.ordersync.orders.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.ordersync.common.Params;
import app.nozzly.ordersync.orders.Order;
import app.nozzly.ordersync.orders.OrderCommunication;
import app.nozzly.ordersync.orders.OrderNote;
import app.nozzly.ordersync.orders.OrderStatus;
import app.nozzly.ordersync.orders.ProductionStatus;
import app.nozzly.ordersync.orders.mapping.OrderViews;
import app.nozzly.ordersync.orders.service.OrderService;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.security.Roles;

/** specs/002 Order Management: /orders, /orders/:id, notes and communications. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {

    /** PUT /orders/:id: what is given changes, what is absent stays. */
    public record UpdateRequest(OrderStatus status, ProductionStatus productionStatus,
            @Size(max = Order.NOTES_MAX) String notes) {
    }

    public record NoteRequest(@NotBlank @Size(max = OrderNote.CONTENT_MAX) String content) {
    }

    public record CommunicationRequest(@NotBlank @Size(max = OrderCommunication.MESSAGE_MAX) String message,
            @NotNull OrderCommunication.Direction direction, @NotNull OrderCommunication.Channel channel) {
    }

    @Inject
    OrderService orders;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public OrderViews.OrderPage list(@QueryParam("status") OrderStatus status,
            @QueryParam("production_status") ProductionStatus productionStatus,
            @QueryParam("start_date") Params.DateOrTime startDate, @QueryParam("end_date") Params.DateOrTime endDate,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(Params.MAX_OFFSET) int offset) {
        return orders.list(new OrderService.Filter(status, productionStatus,
                startDate == null ? null : startDate.from(), endDate == null ? null : endDate.untilExclusive()),
                limit, offset);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public OrderViews.OrderView get(@PathParam("id") long id) {
        return orders.find(id).orElseThrow(() -> ApiProblem.notFound("order", id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    public OrderViews.OrderView update(@PathParam("id") long id, @Valid @NotNull UpdateRequest request) {
        return orders.update(id, request.status(), request.productionStatus(), request.notes());
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(201)
    public OrderViews.NoteView addNote(@PathParam("id") long id, @Valid @NotNull NoteRequest request) {
        return orders.addNote(id, request.content());
    }

    /** specs/002 answers every note; limit and offset page them for a client that asks. */
    @GET
    @Path("/{id}/notes")
    @RolesAllowed(Roles.VIEWER)
    public List<OrderViews.NoteView> notes(@PathParam("id") long id,
            @QueryParam("limit") @Min(1) @Max(500) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(Params.MAX_OFFSET) int offset) {
        return orders.notes(id, limit, offset);
    }

    @POST
    @Path("/{id}/communications")
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(201)
    public OrderViews.CommunicationView addCommunication(@PathParam("id") long id,
            @Valid @NotNull CommunicationRequest request) {
        return orders.addCommunication(id, request.message(), request.direction(), request.channel());
    }

    /** All of them, oldest first; limit and offset page them for a client that asks. */
    @GET
    @Path("/{id}/communications")
    @RolesAllowed(Roles.VIEWER)
    public List<OrderViews.CommunicationView> communications(@PathParam("id") long id,
            @QueryParam("limit") @Min(1) @Max(500) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(Params.MAX_OFFSET) int offset) {
        return orders.communications(id, limit, offset);
    }
}
