package app.nozzly.production.process.orders.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.security.Roles;
import app.nozzly.production.process.ProcessPages;
import app.nozzly.production.process.orders.OrderApi.AssignBatch;
import app.nozzly.production.process.orders.OrderApi.CreateOrder;
import app.nozzly.production.process.orders.OrderApi.OrderStatusChange;
import app.nozzly.production.process.orders.OrderApi.OrderView;
import app.nozzly.production.process.orders.OrderStatus;
import app.nozzly.production.process.orders.service.OrderService;
import app.nozzly.production.process.orders.service.OrderService.OrderFilter;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;
import app.nozzly.production.support.Priority;
import app.nozzly.production.support.TimeBound;

/** specs/001 "Órdenes de Producción", plus GET one and PUT status (hold, resume, cancel). */
@Path("/api/v1/production/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: orders")
@RolesAllowed(Roles.VIEWER)
public class OrderResource {

    @Inject
    OrderService orders;

    @GET
    public Page<OrderView> list(@QueryParam("status") OrderStatus status, @QueryParam("priority") Priority priority,
            @QueryParam("customer_order_id") @Size(max = 200) String customerOrderId,
            @QueryParam("product_id") UUID productId, @QueryParam("date_from") TimeBound dateFrom,
            @QueryParam("date_to") TimeBound dateTo,
            @QueryParam("page") @Min(1) @Max(ProcessPages.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(ProcessPages.MAX_LIMIT) Integer limit) {
        OrderFilter filter = new OrderFilter(status, priority, customerOrderId, productId, TimeBound.from(dateFrom),
                TimeBound.until(dateTo));
        return orders.list(filter, PageRequest.page(page, limit, ProcessPages.DEFAULT_LIMIT));
    }

    /** PRODUCT_NOT_FOUND (422) when inventory does not know the product. */
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(201)
    public OrderView create(@Valid @NotNull CreateOrder request, @Context SecurityContext security) {
        return orders.create(request, security.getUserPrincipal().getName());
    }

    /** ORDER_NOT_FOUND when the tenant has no such order. */
    @GET
    @Path("/{orderId}")
    public OrderView get(@PathParam("orderId") UUID orderId) {
        return orders.get(orderId);
    }

    /** PROD008 for a cancelled order, PROD005 for an unknown batch. */
    @PUT
    @Path("/{orderId}/assign-batch")
    @RolesAllowed(Roles.OPERATOR)
    public OrderView assignBatch(@PathParam("orderId") UUID orderId, @Valid @NotNull AssignBatch request) {
        return orders.assignBatch(orderId, request);
    }

    @PUT
    @Path("/{orderId}/status")
    @RolesAllowed(Roles.OPERATOR)
    public OrderView changeStatus(@PathParam("orderId") UUID orderId, @Valid @NotNull OrderStatusChange request) {
        return orders.changeStatus(orderId, request);
    }
}
